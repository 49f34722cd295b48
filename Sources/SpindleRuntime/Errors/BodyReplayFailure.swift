/// A request had to be sent again, but its body was a one-shot stream that was already sent.
///
/// The client re-sends a request for a retry and for a 307 or 308 redirect. A body made from an
/// `AsyncSequence` cannot be read twice, so instead of sending an empty or partial body the call fails with
/// this error. Make the body from `Data` or a file (`HTTPBody(contentsOf:)`) to allow both.
public struct BodyReplayFailure: Sendable, Hashable, CustomStringConvertible {
    /// Why the request would have been sent again.
    public enum Reason: Sendable, Hashable {
        /// The attempt failed in a way that is retried (the summary says how, e.g. `HTTP 503`).
        case retry(after: String)
        /// The server redirected with this status (307 or 308), which keeps the body.
        case redirect(status: Int)
    }

    /// Why the request would have been sent again.
    public let reason: Reason
    /// The request.
    public let request: RequestSummary
    /// How many attempts were made.
    public let attempts: Int

    /// Creates a failure.
    public init(reason: Reason, request: RequestSummary, attempts: Int) {
        self.reason = reason
        self.request = request
        self.attempts = attempts
    }

    /// `POST https://… was not retried after HTTP 503: its body is a one-shot stream that was already sent`
    public var description: String {
        let what = switch reason {
        case .retry(let after): "was not retried after \(after)"
        case .redirect(let status): "did not follow the HTTP \(status) redirect"
        }
        return "\(request) \(what): its body is a one-shot stream that was already sent "
            + "(make the body from Data or a file to allow re-sending)"
    }
}
