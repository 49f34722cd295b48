/// Something the client did, for `ClientConfiguration.logger`. All text and headers are redacted.
public struct LogEvent: Sendable, CustomStringConvertible {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// An attempt is about to be sent.
        case request
        /// An attempt received a response (any status).
        case response
        /// A response redirected the request: followed to `redirectTarget`, or refused (a `.failure` follows).
        case redirect
        /// An attempt failed and another will follow after `delay`.
        case retry
        /// The call failed for good.
        case failure
    }

    /// What happened.
    public let kind: Kind
    /// The request's method and redacted URL.
    public let request: RequestSummary
    /// The attempt number, starting at 1.
    public let attempt: Int
    /// The operation the call performs, as the generated client names it (`customers.list`); `nil` for
    /// requests built by hand without ``HTTPRequestBuilder/operation``.
    public let operation: String?
    /// The response status, for `.response`, `.redirect` and for `.retry`/`.failure` caused by a status.
    public let status: Int?
    /// The request headers for `.request`, the response headers for `.response` and `.redirect`; redacted.
    public let headers: HTTPHeaders
    /// For `.response` and `.redirect`, the round trip from sending the request to its response head; for
    /// `.retry` and `.failure`, the time since the call began (all attempts and waits so far); `nil` for
    /// `.request`.
    public let duration: Duration?
    /// The wait before the next attempt, for `.retry`.
    public let delay: Duration?
    /// The request a followed `.redirect` leads to (method and redacted URL); `nil` when it was refused.
    public let redirectTarget: RequestSummary?
    /// A one-line human-readable account of the event.
    public let message: String

    /// Creates an event.
    public init(
        kind: Kind,
        request: RequestSummary,
        attempt: Int,
        operation: String? = nil,
        status: Int? = nil,
        headers: HTTPHeaders = [:],
        duration: Duration? = nil,
        delay: Duration? = nil,
        redirectTarget: RequestSummary? = nil,
        message: String
    ) {
        self.kind = kind
        self.request = request
        self.attempt = attempt
        self.operation = operation
        self.status = status
        self.headers = headers
        self.duration = duration
        self.delay = delay
        self.redirectTarget = redirectTarget
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
