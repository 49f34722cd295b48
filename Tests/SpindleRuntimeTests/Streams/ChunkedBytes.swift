import Foundation
import SpindleRuntime

/// Bytes delivered as the given chunks, for feeding the stream decoders every way a network may split them.
struct ChunkedBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let chunks: [[UInt8]]

    init(_ chunks: [[UInt8]]) { self.chunks = chunks }

    /// `text` split into two chunks at every byte offset, and once byte by byte.
    static func everySplit(of text: String) -> [ChunkedBytes] {
        let bytes = Array(text.utf8)
        return (0...bytes.count).map { ChunkedBytes([Array(bytes[..<$0]), Array(bytes[$0...])]) }
            + [ChunkedBytes(bytes.map { [$0] })]
    }

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks[...]) }

    struct Iterator: AsyncIteratorProtocol {
        var chunks: ArraySlice<[UInt8]>
        mutating func next() async -> ArraySlice<UInt8>? {
            guard let first = chunks.popFirst() else { return nil }
            return first[...]
        }
    }
}

/// Every element of `sequence`, or the error that ended it after the elements before.
func collect<S: AsyncSequence>(_ sequence: S) async -> (elements: [S.Element], error: (any Error)?) {
    var elements: [S.Element] = []
    do {
        for try await element in sequence { elements.append(element) }
        return (elements, nil)
    } catch {
        return (elements, error)
    }
}
