import Foundation

/// Sends generated operations' requests: applies defaults and credentials, retries, enforces timeouts,
/// logs, and turns responses into typed values or `ClientError`s.
public struct APIClient: Sendable, CustomStringConvertible {
    /// The base URL; its path is kept as a prefix of every operation path.
    public let serverURL: URL
    /// Client-wide settings.
    public let configuration: ClientConfiguration
    /// Every security scheme the API's operations use, each with the client's credential for it.
    public let securitySchemes: [ClientSecurityScheme]
    /// The requirements of operations that state none of their own (the spec's top-level `security`): any one
    /// of them will do, every scheme of the one chosen applies.
    public let defaultSecurity: [SecurityRequirement]
    /// How the schemes put credentials on requests (``securitySchemes``' ``ClientSecurityScheme/scheme``s).
    public let security: [SecurityScheme]
    /// The credential given without naming a scheme (applied to the first scheme it fits); for a client made
    /// with ``init(serverURL:configuration:securitySchemes:security:)`` that has one scheme, its credential.
    public let credential: Credential?
    /// The environment variable the credential is read from when none is given, named in
    /// `ClientError.missingCredential` so the message says how to fix it.
    public let credentialEnvironmentVariable: String?

    /// Creates a client with one credential for operations that accept any of `security`, in order of
    /// preference: the credential goes to the first scheme it fits.
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
        securitySchemes = security.map {
            ClientSecurityScheme(unnamed: $0, credential: credential, environmentVariable: credentialEnvironmentVariable)
        }
        defaultSecurity = securitySchemes.map { [$0.name] }
    }

    /// Creates a client for an API with named security schemes, each with its own credential, whose operations
    /// state their requirements (``HTTPRequestBuilder/securityRequirements``) or fall back on `security`.
    ///
    /// ```swift
    /// APIClient(
    ///     serverURL: url,
    ///     securitySchemes: [
    ///         ClientSecurityScheme("api_key", .apiKey(name: "X-API-Key", in: .header), credential: .apiKey(key)),
    ///         ClientSecurityScheme("oauth", .bearer, credential: .accessToken(provider)),
    ///     ],
    ///     security: [["api_key"], ["oauth"]]
    /// )
    /// ```
    public init(
        serverURL: URL,
        configuration: ClientConfiguration = .init(),
        securitySchemes: [ClientSecurityScheme],
        security: [SecurityRequirement] = []
    ) {
        self.serverURL = serverURL
        self.configuration = configuration
        self.securitySchemes = securitySchemes
        defaultSecurity = security
        self.security = securitySchemes.map(\.scheme)
        let only = securitySchemes.count == 1 ? securitySchemes.first : nil
        credential = only?.credential
        credentialEnvironmentVariable = only?.environmentVariable
    }

    /// The scheme named `name`, with its credential.
    public func securityScheme(named name: String) -> ClientSecurityScheme? {
        securitySchemes.first { $0.name == name }
    }

    /// Every secret the client holds, in the form it was given (access tokens are asked for per request).
    var credentialSecrets: [String] {
        securitySchemes.flatMap { $0.credential?.secrets ?? [] } + (credential?.secrets ?? [])
    }

    /// The server URL and whether credentials are set, never the credentials themselves.
    public var description: String {
        if securitySchemes.count <= 1 {
            return "APIClient(\(serverURL.absoluteString), credential: \(credential.map { "\($0)" } ?? "none"))"
        }
        return "APIClient(\(serverURL.absoluteString), security: \(securitySchemes.map(\.description).joined(separator: ", ")))"
    }
}
