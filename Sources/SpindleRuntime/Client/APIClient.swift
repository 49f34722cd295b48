import Foundation

/// Sends generated operations' requests: applies defaults and credentials, retries, enforces timeouts,
/// logs, and turns responses into typed values or `ClientError`s.
public struct APIClient: Sendable, CustomStringConvertible {
    /// The base URL; its path is kept as a prefix of every operation path.
    public let serverURL: URL
    /// Client-wide settings.
    public let configuration: ClientConfiguration
    /// The security schemes operations accept unless they say otherwise, in order of preference.
    public let security: [SecurityScheme]
    /// The credential applied to the first scheme it fits.
    public let credential: Credential?
    /// The environment variable the credential is read from when none is given, named in
    /// `ClientError.missingCredential` so the message says how to fix it.
    public let credentialEnvironmentVariable: String?

    /// Creates a client.
    public init(
        serverURL: URL,
        configuration: ClientConfiguration = .init(),
        security: [SecurityScheme] = [],
        credential: Credential? = nil,
        credentialEnvironmentVariable: String? = nil
    ) {
        self.serverURL = serverURL
        self.configuration = configuration
        self.security = security
        self.credential = credential
        self.credentialEnvironmentVariable = credentialEnvironmentVariable
    }

    /// The server URL and whether a credential is set, never the credential itself.
    public var description: String {
        "APIClient(\(serverURL.absoluteString), credential: \(credential.map { "\($0)" } ?? "none"))"
    }
}
