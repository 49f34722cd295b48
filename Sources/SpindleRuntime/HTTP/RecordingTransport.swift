import Foundation

/// A transport for tests: records every request and answers from a queue of replies, falling back to a
/// handler when the queue is empty.
public final class RecordingTransport: HTTPTransport {
    /// One canned answer.
    public enum Reply: Sendable {
        /// Answer with this response.
        case response(HTTPResponse)
        /// Fail with this error (e.g. a `TransportError`).
        case failure(any Error)
    }

    private let state: Locked<(requests: [HTTPRequest], replies: [Reply])>
    private let fallback: @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// Creates a transport answering with `replies` in order, then with `fallback` (by default a 404).
    public init(
        replies: [Reply] = [],
        fallback: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse = { _ in HTTPResponse(status: 404) }
    ) {
        state = Locked((requests: [], replies: replies))
        self.fallback = fallback
    }

    /// Convenience for a transport that answers every request with `status` and a UTF-8 `body`.
    public convenience init(status: Int, body: String = "", headers: HTTPHeaders = [:]) {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        self.init(fallback: { _ in response })
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPRequest] {
        state.withLock { $0.requests }
    }

    /// Adds replies to the end of the queue.
    public func enqueue(_ replies: Reply...) {
        state.withLock { $0.replies.append(contentsOf: replies) }
    }

    /// Records `request` and answers it.
    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let reply: Reply? = state.withLock { state in
            state.requests.append(request)
            return state.replies.isEmpty ? nil : state.replies.removeFirst()
        }
        switch reply {
        case .response(let response): return response
        case .failure(let error): throw error
        case nil: return try await fallback(request)
        }
    }
}
