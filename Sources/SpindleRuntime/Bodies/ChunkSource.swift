import Foundation

/// Produces the chunks of one iteration of an `HTTPBody`: a type-erased, shareable async iterator.
///
/// A class, so that `HTTPBody.Iterator` stays a cheap value and the iterator it wraps is advanced in one
/// place; a source that owns a connection closes it when the last reference goes away (`onRelease`).
final class ChunkSource: @unchecked Sendable {
    // Advanced only by the task iterating the body; `AsyncIteratorProtocol.next` is not reentrant, so
    // the state needs no lock.
    private var produce: () async throws -> ArraySlice<UInt8>?
    private let onRelease: (@Sendable () -> Void)?

    init(produce: @escaping () async throws -> ArraySlice<UInt8>?, onRelease: (@Sendable () -> Void)? = nil) {
        self.produce = produce
        self.onRelease = onRelease
    }

    deinit {
        onRelease?()
    }

    func next() async throws -> ArraySlice<UInt8>? {
        try await produce()
    }

    /// One chunk, then the end.
    static func single(_ chunk: ArraySlice<UInt8>) -> ChunkSource {
        var pending: ArraySlice<UInt8>? = chunk
        return ChunkSource {
            defer { pending = nil }
            return pending
        }
    }

    /// A source that fails with `error` at its first chunk.
    static func failing(_ error: any Error) -> ChunkSource {
        ChunkSource { throw error }
    }

    /// The chunks of a fresh iterator of `sequence`.
    static func iterating<Chunks: AsyncSequence>(_ sequence: Chunks) -> ChunkSource where Chunks.Element: Collection<UInt8> {
        var iterator = sequence.makeAsyncIterator()
        return ChunkSource {
            guard let chunk = try await iterator.next() else { return nil }
            return chunk as? ArraySlice<UInt8> ?? ArraySlice(chunk)
        }
    }
}
