/// Sends one HTTP request and returns its response.
///
/// A transport performs exactly one attempt: retries, authentication, redirects, middlewares and timeouts are
/// layered on top by `APIClient`. Implementations should throw `TransportError` (or `URLError`) for network
/// failures, must return non-2xx and 3xx responses normally rather than throwing, and must never follow
/// redirects themselves (the client decides where credentials may go).
///
/// There are two paths. `send` exchanges whole bodies and serves JSON operations. `stream` sends a body that
/// is read as it goes out and returns as soon as the response head arrives, with the body streaming; it
/// serves uploads, downloads and event streams. A transport that cannot stream gets a default `stream` that
/// buffers both bodies through `send`.
public protocol HTTPTransport: Sendable {
    /// Sends `request`. `timeout` is advisory: the client enforces it as well, so a transport may ignore it.
    func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse

    /// Sends `request` with `body` (when not `nil`, instead of `request.body`) read as it is sent, and returns
    /// when the response head arrives; the response body streams as the server sends it.
    ///
    /// `timeout` bounds the wait for the response head and each silence between body chunks. Cancelling
    /// the calling task before the head arrives, or the task that reads the body, or dropping the body
    /// unread, must close the connection. Failures while the body streams are thrown from its iterator as
    /// `TransportError`.
    func stream(_ request: HTTPRequest, body: HTTPBody?, timeout: Duration?) async throws -> StreamingHTTPResponse
}

extension HTTPTransport {
    /// Buffers: collects `body` into the request, sends it with `send`, and replays the whole response body
    /// as one chunk. Memory then holds both bodies whole; streaming transports override this.
    public func stream(_ request: HTTPRequest, body: HTTPBody?, timeout: Duration?) async throws -> StreamingHTTPResponse {
        var request = request
        if let body {
            request.body = try await body.collect(upTo: .max)
        }
        return StreamingHTTPResponse(try await send(request, timeout: timeout))
    }
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
