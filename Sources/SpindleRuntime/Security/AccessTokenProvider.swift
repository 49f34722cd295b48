import Foundation

/// Supplies OAuth 2 or OpenID Connect access tokens, which the client sends as `Authorization: Bearer`.
///
/// The client asks for a token on every request that needs one, so the provider decides how long a token
/// lives: cache it, and fetch or refresh it when it expires. When the server answers `401 Unauthorized` to a
/// request sent with a token, the client asks once more, with ``AccessTokenRequest/rejectedToken`` set, and
/// sends the request again with the new token; a second 401 is the answer. Concurrent requests may ask at the
/// same time: a provider that refreshes should let one refresh serve them all.
///
/// ```swift
/// let petstore = PetstoreClient(accessToken: AccessTokenProvider { request in
///     try await session.token(refreshing: request.rejectedToken != nil)
/// })
/// ```
public struct AccessTokenProvider: Sendable, Hashable, CustomStringConvertible {
    private let box: Box

    /// A provider that calls `token` for every request that needs an access token.
    public init(_ token: @escaping @Sendable (AccessTokenRequest) async throws -> String) {
        box = Box(token)
    }

    /// A provider that always returns `token`, for a token obtained elsewhere (a 401 then stays the answer).
    public static func constant(_ token: String) -> AccessTokenProvider {
        AccessTokenProvider { _ in token }
    }

    /// Asks for a token.
    public func token(for request: AccessTokenRequest) async throws -> String {
        try await box.token(request)
    }

    /// Providers are equal when they are the same provider (copies of one value).
    public static func == (lhs: AccessTokenProvider, rhs: AccessTokenProvider) -> Bool { lhs.box === rhs.box }

    /// Hashes the provider's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(box)) }

    /// Never a token: providers hold none the client could show.
    public var description: String { "AccessTokenProvider" }

    private final class Box: Sendable {
        let token: @Sendable (AccessTokenRequest) async throws -> String
        init(_ token: @escaping @Sendable (AccessTokenRequest) async throws -> String) { self.token = token }
    }
}

/// Why the client asks an ``AccessTokenProvider`` for a token.
public struct AccessTokenRequest: Sendable, Hashable, CustomStringConvertible {
    /// The security scheme the token is for, by its name in the API's spec (`petstore_auth`).
    public var scheme: String
    /// The token the server just refused with `401 Unauthorized`, when the client asks for a fresh one; `nil`
    /// for an ordinary request.
    public var rejectedToken: String?

    /// Creates a request.
    public init(scheme: String, rejectedToken: String? = nil) {
        self.scheme = scheme
        self.rejectedToken = rejectedToken
    }

    /// Whether the server refused the previous token, so a cached one will not do.
    public var isRefresh: Bool { rejectedToken != nil }

    /// The scheme and whether it is a refresh, without the token.
    public var description: String {
        "AccessTokenRequest(scheme: \(scheme)\(isRefresh ? ", refresh" : ""))"
    }
}
