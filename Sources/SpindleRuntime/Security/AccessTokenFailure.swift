/// The app's ``AccessTokenProvider`` threw, or returned an empty token, so the request was not sent.
public struct AccessTokenFailure: Sendable, Hashable, CustomStringConvertible {
    /// The request that was not sent.
    public let request: RequestSummary
    /// The security scheme the token was for, by its name in the spec.
    public let scheme: String
    /// What the provider threw, with the client's credentials scrubbed; `nil` when it returned an empty token.
    public let message: String?
    /// Whether the client was asking for a fresh token after the server refused one with `401`.
    public let isRefresh: Bool

    /// Creates a failure.
    public init(request: RequestSummary, scheme: String, message: String?, isRefresh: Bool) {
        self.request = request
        self.scheme = scheme
        self.message = message
        self.isRefresh = isRefresh
    }

    /// `GET https://… was not sent: the access token provider for 'oauth' failed: offline`
    public var description: String {
        let what = message.map { "failed: \($0)" } ?? "returned an empty token"
        let when = isRefresh ? " when asked for a fresh token after a 401" : ""
        return "\(request) was not sent: the access token provider for '\(scheme)' \(what)\(when)."
    }
}
