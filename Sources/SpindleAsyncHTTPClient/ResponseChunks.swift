#if AsyncHTTPClientTransport
import AsyncHTTPClient
import NIOCore
import SpindleRuntime

/// A response body from AsyncHTTPClient as Spindle's chunks: typed failures, and a limit on how long the
/// server may stay silent between two chunks.
///
/// Nothing is buffered here: each chunk is read from AsyncHTTPClient when the reader asks for it, and
/// SwiftNIO stops reading the socket while the reader is behind. When the reader's task is cancelled, or
/// the body or its iterator is dropped, AsyncHTTPClient cancels the request and closes the connection.
struct ResponseChunks: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let body: HTTPClientResponse.Body
    /// The longest wait for the next chunk; `nil` waits as long as the connection lasts.
    let silenceTimeout: Duration?

    func makeAsyncIterator() -> Iterator {
        Iterator(source: ChunkReader(body.makeAsyncIterator()), silenceTimeout: silenceTimeout)
    }

    struct Iterator: AsyncIteratorProtocol {
        let source: ChunkReader
        let silenceTimeout: Duration?

        mutating func next() async throws -> ArraySlice<UInt8>? {
            do {
                let buffer = if let silenceTimeout { try await source.next(within: silenceTimeout) } else { try await source.next() }
                // A cancelled read ends AsyncHTTPClient's body early, without an error: that is not its end.
                if buffer == nil, Task.isCancelled { throw CancellationError() }
                return buffer.map { ArraySlice($0.readableBytesView) }
            } catch {
                throw AsyncHTTPClientErrors.translate(error)
            }
        }
    }
}

/// AsyncHTTPClient's body iterator, shared by reference so that a child task can advance it while a timer
/// runs beside it. Only one task advances it at a time (the reader, or the one child it waits for), as
/// `AsyncIteratorProtocol` requires.
final class ChunkReader: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> ByteBuffer? {
        try await iterator.next()
    }

    /// The next chunk, or `SilenceTimeout` when none arrives within `timeout`; the read is then cancelled,
    /// which closes the connection.
    func next(within timeout: Duration) async throws -> ByteBuffer? {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await self.next() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SilenceTimeout(timeout: timeout)
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}

/// No chunk arrived within the timeout.
struct SilenceTimeout: Error {
    let timeout: Duration
}
#endif
