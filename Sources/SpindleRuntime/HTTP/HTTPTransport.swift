/// Sends one HTTP request and returns the complete response.
///
/// A transport performs exactly one attempt: retries, authentication, middlewares and timeouts are layered on
/// top by `APIClient`. Implementations should throw `TransportError` (or `URLError`) for network failures and
/// must return non-2xx responses normally rather than throwing.
public protocol HTTPTransport: Sendable {
    /// Sends `request`. `timeout` is advisory: the client enforces it as well, so a transport may ignore it.
    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse
}

/// A network-level failure reported by a transport.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure happened, which decides whether the request may be retried.
    public enum Kind: Sendable, Hashable {
        /// No connection could be made, so the server never saw the request.
        case connectionFailed
        /// The connection broke after the request was (possibly) sent, e.g. mid-response.
        case connectionDropped
        /// The transport gave up waiting.
        case timedOut
        /// Anything else, such as a TLS failure or a malformed response.
        case other
    }

    /// The failure kind.
    public var kind: Kind
    /// A human-readable explanation; the client redacts credentials from it before surfacing it.
    public var message: String

    /// Creates a transport error.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The kind and message.
    public var description: String { "\(kind): \(message)" }
}
