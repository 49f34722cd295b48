import Foundation

/// Hands the chunks a transport receives to the task that reads the body, in order, with bounded memory.
///
/// A transport that cannot pause its sender (FoundationNetworking's `URLSessionTask.suspend()` restarts the
/// transfer from the beginning instead of pausing it) still must not hold a fast download in memory while a
/// slow reader catches up. Up to `memoryLimit` bytes wait in memory; beyond that, chunks are appended to an
/// unlinked temporary file and read back in order, and memory is used again once the file is drained.
///
/// Appending is cheap and never waits for the reader's file reads: the delivering thread is the
/// transport's, and while it is busy the transport queues what arrives, out of reach of any limit.
final class ChunkBuffer: @unchecked Sendable {
    /// The bytes kept in memory before chunks go to disk.
    static let defaultMemoryLimit = 4 * 1024 * 1024
    /// The largest chunk read back from disk at once.
    private static let spoolReadSize = 256 * 1024

    private let lock = NSLock()
    private let memoryLimit: Int
    // Everything below is guarded by `lock`; file contents are read and written outside it.
    private var chunks: [Data] = []
    private var firstChunk = 0
    private var memoryBytes = 0
    /// Set once a chunk went to disk; later chunks follow it there until the reader drained the file.
    private var spool: Spool?
    private var isSpooling = false
    private var isWritingSpool = false
    private var end: Result<Void, any Error>?
    private var waiter: CheckedContinuation<Void, any Error>?
    private var isCancelled = false

    init(memoryLimit: Int = ChunkBuffer.defaultMemoryLimit) {
        self.memoryLimit = memoryLimit
    }

    // MARK: Producer (one thread at a time)

    /// Adds the next chunk; ignored once the reader has gone or the body ended.
    func append(_ data: Data) {
        guard !data.isEmpty else { return }
        lock.lock()
        guard !isCancelled, end == nil else {
            lock.unlock()
            return
        }
        if !isSpooling && memoryBytes + data.count <= memoryLimit {
            chunks.append(data)
            memoryBytes += data.count
            let waiter = takeWaiter()
            lock.unlock()
            waiter?.resume()
            return
        }
        isSpooling = true
        isWritingSpool = true
        var spool = self.spool
        lock.unlock()
        do {
            if spool == nil { spool = try Spool() }
            try spool?.write(data)
        } catch {
            lock.withLock { isWritingSpool = false }
            finish(throwing: error)
            return
        }
        lock.lock()
        self.spool = spool
        isWritingSpool = false
        let waiter = takeWaiter()
        lock.unlock()
        waiter?.resume()
    }

    /// Ends the body: normally with `nil`, or with the error the reader gets after the chunks already here.
    func finish(throwing error: (any Error)?) {
        lock.lock()
        guard end == nil else {
            lock.unlock()
            return
        }
        end = error.map { .failure($0) } ?? .success(())
        let waiter = takeWaiter()
        lock.unlock()
        waiter?.resume()
    }

    // MARK: Reader (one task at a time)

    /// The next chunk, waiting for one to arrive; `nil` at the end. Cancelling the calling task ends the
    /// wait with `CancellationError` and calls `onCancel` (which closes the connection).
    func next(onCancel: @escaping @Sendable () -> Void) async throws -> ArraySlice<UInt8>? {
        while true {
            switch try take() {
            case .chunk(let data): return ArraySlice(data)
            case .spooled(let spool): if let data = try spool.read(upTo: Self.spoolReadSize) { return ArraySlice(data) }
            case .end: return nil
            case .wait: try await waitForMore(onCancel: onCancel)
            }
        }
    }

    /// The reader is gone: drops what is buffered and wakes a waiting reader with `CancellationError`.
    func cancel() {
        lock.lock()
        isCancelled = true
        chunks = []
        firstChunk = 0
        memoryBytes = 0
        spool = nil
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(throwing: CancellationError())
    }

    private enum Next {
        case chunk(Data)
        /// Bytes are waiting in the file; the reader reads them outside the lock.
        case spooled(Spool)
        case end
        case wait
    }

    /// What the reader does next. Memory holds the oldest chunks, the file the newer ones.
    private func take() throws -> Next {
        lock.lock()
        defer { lock.unlock() }
        if isCancelled { throw CancellationError() }
        if firstChunk < chunks.count {
            let chunk = chunks[firstChunk]
            firstChunk += 1
            memoryBytes -= chunk.count
            if firstChunk == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                firstChunk = 0
            }
            return .chunk(chunk)
        }
        if let spool, spool.hasUnread { return .spooled(spool) }
        if isSpooling && !isWritingSpool {
            // Drained: the file starts over empty, and chunks go to memory again.
            try? spool?.reset()
            isSpooling = false
        }
        switch end {
        case .success? where !isWritingSpool: return .end
        case .failure(let error)? where !isWritingSpool: throw error
        default: return .wait
        }
    }

    private func waitForMore(onCancel: @escaping @Sendable () -> Void) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.lock()
                let ready = isCancelled || firstChunk < chunks.count || (spool?.hasUnread ?? false) || end != nil
                if ready {
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            self.cancel()
            onCancel()
        }
    }

    private func takeWaiter() -> CheckedContinuation<Void, any Error>? {
        defer { waiter = nil }
        return waiter
    }
}

/// An unlinked temporary file that chunks are appended to and read back from, in order. One thread
/// writes and one reads, each through a handle of its own.
private final class Spool: @unchecked Sendable {
    private let writer: FileHandle
    private let reader: FileHandle
    private let offsets = NSLock()
    private var written: UInt64 = 0
    private var read: UInt64 = 0

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-body-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw HTTPBodyError(.file(path: url.path, reason: "the temporary file for a streaming body could not be created"))
        }
        writer = try FileHandle(forWritingTo: url)
        reader = try FileHandle(forReadingFrom: url)
        // Unlinked at once: the space is freed when the handles close, even if the process dies first.
        try? FileManager.default.removeItem(at: url)
    }

    deinit {
        try? writer.close()
        try? reader.close()
    }

    var hasUnread: Bool { offsets.withLock { read < written } }

    func write(_ data: Data) throws {
        try writer.write(contentsOf: data)
        offsets.withLock { written += UInt64(data.count) }
    }

    /// The next bytes not yet read, or `nil` when everything written was read.
    func read(upTo count: Int) throws -> Data? {
        let available = offsets.withLock { written - read }
        guard available > 0 else { return nil }
        guard let data = try reader.read(upToCount: Int(min(UInt64(count), available))), !data.isEmpty else { return nil }
        offsets.withLock { read += UInt64(data.count) }
        return data
    }

    /// Empties the file once everything written was read (called while nothing is being written).
    func reset() throws {
        try writer.truncate(atOffset: 0)
        try reader.seek(toOffset: 0)
        offsets.withLock {
            written = 0
            read = 0
        }
    }
}
