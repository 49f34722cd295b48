import Foundation

/// A request or response body as a sequence of byte chunks, so that it never has to sit whole in memory.
///
/// A response body arrives chunk by chunk as the server sends it; iterate it, `collect(upTo:)` it into
/// `Data`, or `write(to:)` a file. A request body is read by the transport as it sends it: from memory,
/// from a file (`HTTPBody(contentsOf:)`), or from any `AsyncSequence` of chunks.
///
/// ```swift
/// let pdf = try await client.invoices.download(id: "in_1")
/// try await pdf.write(to: URL(filePath: "invoice.pdf"))
/// ```
///
/// A body made from an `AsyncSequence` is read once (``IterationBehavior/single``): a second iteration
/// throws ``HTTPBodyError/Kind/alreadyIterated``, and the client never retries or redirects a request
/// whose one-shot body was already sent. Bodies from bytes or files can be read again, so such requests
/// are retried like any other.
public final class HTTPBody: AsyncSequence, Sendable {
    /// One chunk of bytes.
    public typealias Element = ArraySlice<UInt8>

    /// How many bytes the body holds, when that is known in advance.
    public enum Length: Sendable, Hashable {
        /// Exactly this many bytes (a response's `Content-Length`, a file's size).
        case known(Int64)
        /// Not known until the end arrives.
        case unknown
    }

    /// Whether the body can be read more than once.
    public enum IterationBehavior: Sendable, Hashable {
        /// Once only: the bytes come from a stream that cannot be rewound.
        case single
        /// Any number of times, each time from the start.
        case multiple
    }

    /// The number of bytes, if known.
    public let length: Length
    /// Whether the body can be read more than once.
    public let iterationBehavior: IterationBehavior

    /// Where the bytes come from, so a transport can hand a file or bytes to its HTTP stack directly.
    enum Storage: Sendable {
        /// The bytes, in memory.
        case bytes(ArraySlice<UInt8>)
        /// The whole file at this URL.
        case file(URL)
        /// Chunks from a stream.
        case stream
    }

    let storage: Storage
    private let makeChunks: @Sendable () -> ChunkSource
    private let iterationStarted = Locked(false)

    /// Creates a body from a factory of chunk sources; each iteration calls it once.
    init(
        length: Length,
        iterationBehavior: IterationBehavior,
        storage: Storage = .stream,
        makeChunks: @escaping @Sendable () -> ChunkSource
    ) {
        self.length = length
        self.iterationBehavior = iterationBehavior
        self.storage = storage
        self.makeChunks = makeChunks
    }

    /// Whether an iteration has started, so a one-shot body can no longer be sent again.
    public var hasBeenIterated: Bool { iterationStarted.withLock { $0 } }

    /// Whether the whole body can be sent again, as a retry or a 307/308 redirect needs.
    public var isReplayable: Bool { iterationBehavior == .multiple || !hasBeenIterated }

    /// Starts an iteration. For a one-shot body, every iteration after the first throws
    /// ``HTTPBodyError/Kind/alreadyIterated`` from its first `next()`.
    public func makeAsyncIterator() -> Iterator {
        let isRepeat = iterationStarted.withLock { started in
            defer { started = true }
            return started
        }
        if isRepeat && iterationBehavior == .single {
            return Iterator(source: .failing(HTTPBodyError(.alreadyIterated)))
        }
        return Iterator(source: makeChunks())
    }

    /// Reads the next chunk of one iteration.
    public struct Iterator: AsyncIteratorProtocol {
        let source: ChunkSource

        /// The next non-empty chunk, or `nil` at the end of the body.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            while let chunk = try await source.next() {
                if !chunk.isEmpty { return chunk }
            }
            return nil
        }
    }
}

extension HTTPBody {
    /// A body holding `bytes`, readable any number of times.
    public convenience init(_ bytes: some Collection<UInt8> & Sendable) {
        let chunk = ArraySlice(bytes)
        self.init(length: .known(Int64(chunk.count)), iterationBehavior: .multiple, storage: .bytes(chunk)) {
            ChunkSource.single(chunk)
        }
    }

    /// A body holding the UTF-8 bytes of `text`, readable any number of times.
    public convenience init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// A body read from `chunks` as it is sent. `length` is announced as the `Content-Length` when known;
    /// the sequence is read once unless `iterationBehavior` says it can start over (a new iterator from the
    /// same sequence yields the same bytes again).
    public convenience init<Chunks: AsyncSequence & Sendable>(
        _ chunks: Chunks,
        length: Length = .unknown,
        iterationBehavior: IterationBehavior = .single
    ) where Chunks.Element: Collection<UInt8> {
        self.init(length: length, iterationBehavior: iterationBehavior) {
            ChunkSource.iterating(chunks)
        }
    }
}
