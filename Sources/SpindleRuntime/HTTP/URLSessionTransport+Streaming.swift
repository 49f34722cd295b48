import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Streams the response body chunk by chunk as it arrives, on Linux as on Apple platforms, and sends the
    /// request body without holding it in memory (`UploadSource` says how).
    ///
    /// Each streaming request gets a session of its own, made from this transport's session configuration,
    /// whose delegate receives the chunks. FoundationNetworking cannot pause a transfer, so chunks a slow
    /// reader has not taken yet wait in memory up to 4 MiB and beyond that in an unlinked temporary file:
    /// memory stays bounded however large the body.
    public func stream(_ request: HTTPRequest, body: HTTPBody?, timeout: Duration?) async throws -> StreamingHTTPResponse {
        var urlRequest = makeURLRequest(request, timeout: timeout)
        let upload: UploadSource? = if let body { try await UploadSource.prepare(body) } else { nil }
        if case .bytes(let data)? = upload { urlRequest.httpBody = data }
        let delegate = StreamingSessionDelegate(buffer: ChunkBuffer(), onComplete: { upload?.discard() })
        let connection = await StreamingConnection.open(
            urlRequest, upload: upload, configuration: session.configuration, delegate: delegate
        )
        let head: HTTPURLResponse
        do {
            head = try await withTaskCancellationHandler {
                connection.start()
                return try await delegate.responseHead()
            } onCancel: {
                connection.cancel()
            }
        } catch {
            connection.cancel()
            throw Task.isCancelled ? CancellationError() : error
        }
        let headers = Self.headers(of: head)
        let length: HTTPBody.Length =
            head.expectedContentLength >= 0 && headers["Content-Encoding"] == nil ? .known(head.expectedContentLength) : .unknown
        let responseBody = HTTPBody(length: length, iterationBehavior: .single) {
            ChunkSource(produce: { try await connection.nextChunk() }, onRelease: { connection.cancel() })
        }
        return StreamingHTTPResponse(status: head.statusCode, headers: headers, body: responseBody)
    }
}

/// The task of one streaming request, cancelled when its body is dropped or its reader is cancelled.
///
/// Every call into URLSession goes through the connection's own serial queue, in order and off Swift
/// concurrency's few threads: FoundationNetworking's task methods wait synchronously for a work queue
/// that all sessions share.
private final class StreamingConnection: Sendable {
    private let task: URLSessionDataTask
    private let calls: DispatchQueue
    private let isCancelled = Locked(false)
    let buffer: ChunkBuffer

    private init(task: URLSessionDataTask, calls: DispatchQueue, buffer: ChunkBuffer) {
        self.task = task
        self.calls = calls
        self.buffer = buffer
    }

    /// Creates the session and its task: an upload task for a file body, a data task otherwise.
    static func open(
        _ request: URLRequest,
        upload: UploadSource?,
        configuration: URLSessionConfiguration,
        delegate: StreamingSessionDelegate
    ) async -> StreamingConnection {
        let calls = DispatchQueue(label: "spindle.streaming-connection")
        return await withCheckedContinuation { continuation in
            calls.async {
                let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
                let task: URLSessionDataTask =
                    if case .file(let url, _) = upload {
                        session.uploadTask(with: request, fromFile: url)
                    } else {
                        session.dataTask(with: request)
                    }
                // The session lets go of its delegate once the task completes.
                session.finishTasksAndInvalidate()
                continuation.resume(returning: StreamingConnection(task: task, calls: calls, buffer: delegate.buffer))
            }
        }
    }

    deinit {
        cancel()
    }

    /// Starts the task, unless the connection was already cancelled.
    func start() {
        calls.async { [task, isCancelled] in
            if !isCancelled.withLock({ $0 }) { task.resume() }
        }
    }

    /// Closes the connection (a no-op once the task completed) and drops what was buffered.
    func cancel() {
        isCancelled.withLock { $0 = true }
        calls.async { [task] in task.cancel() }
        buffer.cancel()
    }

    func nextChunk() async throws -> ArraySlice<UInt8>? {
        try await buffer.next { [calls, task] in calls.async { task.cancel() } }
    }
}
