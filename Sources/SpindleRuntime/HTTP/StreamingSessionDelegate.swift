import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The delegate of the session behind one streaming request: reports the response head, feeds body chunks to
/// a ``ChunkBuffer`` as they arrive, and declines redirects.
///
/// A session-level delegate, one session per streaming request: FoundationNetworking delivers body chunks
/// only to a session's delegate, not to a task's.
final class StreamingSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let buffer: ChunkBuffer
    private let onComplete: @Sendable () -> Void
    private let head = Locked<HeadState>(HeadState())

    private struct HeadState {
        var continuation: CheckedContinuation<HTTPURLResponse, any Error>?
        var result: Result<HTTPURLResponse, any Error>?
    }

    /// `onComplete` runs once the task is over, however it ended.
    init(buffer: ChunkBuffer, onComplete: @escaping @Sendable () -> Void) {
        self.buffer = buffer
        self.onComplete = onComplete
    }

    /// Waits for the response head (or the failure that came instead).
    func responseHead() async throws -> HTTPURLResponse {
        try await withCheckedThrowingContinuation { continuation in
            let ready = head.withLock { state -> Result<HTTPURLResponse, any Error>? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    private func resolveHead(_ result: Result<HTTPURLResponse, any Error>) {
        let waiting = head.withLock { state -> CheckedContinuation<HTTPURLResponse, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.continuation = nil }
            return state.continuation
        }
        waiting?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            resolveHead(.success(http))
            completionHandler(.allow)
        } else {
            resolveHead(.failure(TransportError(kind: .other, message: "The response is not an HTTP response.")))
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        buffer.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let translated = error.map(URLSessionTransport.translate)
        resolveHead(.failure(translated ?? TransportError(kind: .connectionDropped, message: "The connection closed before a response.")))
        buffer.finish(throwing: translated)
        onComplete()
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
