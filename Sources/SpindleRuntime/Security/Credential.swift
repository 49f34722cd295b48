import Foundation

/// A secret that satisfies a `SecurityScheme`.
///
/// Descriptions and mirrors show `<redacted>`, so printing or dumping a client never reveals the secret.
public enum Credential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// An API key, for `.apiKey` schemes.
    case apiKey(String)
    /// A bearer token, for `.bearer` schemes.
    case bearer(String)
    /// A user name and password, for `.basic` schemes.
    case basic(username: String, password: String)
    /// Access tokens from the app's provider (OAuth 2, OpenID Connect), sent as bearer tokens; asked for on every
    /// request and once more after a `401` (see ``AccessTokenProvider``).
    case accessToken(AccessTokenProvider)

    /// Reads `name` from the process environment and wraps it with `make` (e.g. `Credential.apiKey`);
    /// `nil` when the variable is unset or empty.
    public static func fromEnvironment(_ name: String, as make: (String) -> Credential) -> Credential? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return make(value)
    }

    /// Reads `name` from the process environment as a credential for `scheme`: the value is the API key or
    /// the bearer token, and for basic authentication `username:password`. `nil` when the variable is unset or
    /// empty, or for basic authentication has no `:`.
    public static func fromEnvironment(_ name: String, for scheme: SecurityScheme) -> Credential? {
        switch scheme {
        case .apiKey: return fromEnvironment(name, as: Credential.apiKey)
        case .bearer: return fromEnvironment(name, as: Credential.bearer)
        case .basic:
            guard let value = ProcessInfo.processInfo.environment[name], let colon = value.firstIndex(of: ":") else { return nil }
            return .basic(username: String(value[..<colon]), password: String(value[value.index(after: colon)...]))
        }
    }

    /// Whether this credential can be used with `scheme`.
    public func fits(_ scheme: SecurityScheme) -> Bool {
        switch (self, scheme) {
        case (.apiKey, .apiKey), (.bearer, .bearer), (.basic, .basic), (.accessToken, .bearer): true
        default: false
        }
    }

    /// The secret strings of this credential, as the client holds them; ``SecretMatcher`` finds each in every
    /// encoding it may be echoed in (percent-encoded, form-encoded, base64, JSON-escaped). For basic
    /// authentication that is the password and `user:password`, whose base64 is the `Authorization` token. An
    /// access token provider holds none: the tokens it gives are secrets of the requests that send them.
    var secrets: [String] {
        switch self {
        case .apiKey(let key), .bearer(let key):
            return [key]
        case .basic(let username, let password):
            return [password, "\(username):\(password)"]
        case .accessToken:
            return []
        }
    }

    func basicToken(_ username: String, _ password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// The kind of credential, without the secret.
    public var description: String {
        switch self {
        case .apiKey: "Credential.apiKey(<redacted>)"
        case .bearer: "Credential.bearer(<redacted>)"
        case .basic(let username, _): "Credential.basic(username: \(username), password: <redacted>)"
        case .accessToken: "Credential.accessToken(<provider>)"
        }
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump` and debuggers do not print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["credential": description])
    }
}
