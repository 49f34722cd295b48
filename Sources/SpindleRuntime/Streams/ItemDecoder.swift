/// A parser that splits a byte stream into items as the bytes arrive.
protocol StreamParser {
    associatedtype Item
    /// Adds the next bytes received.
    mutating func append(_ chunk: ArraySlice<UInt8>)
    /// The next complete item from the bytes received so far, or `nil` until more arrive; `atEnd` says no
    /// more will.
    mutating func next(atEnd: Bool) throws(StreamDecodingError) -> Item?
}

extension ServerSentEventParser: StreamParser {}
extension JSONLinesParser: StreamParser {}
extension JSONSequenceParser: StreamParser {}

/// A parser with the step that turns its items into elements, behind one type per element type.
///
/// Owned by one iterator at a time, so it needs no synchronization.
final class ItemDecoder<Element> {
    /// What the decode step made of an item.
    enum Decoded {
        case element(Element)
        /// The item marks the end of the stream (the `[DONE]` event of OpenAI-style APIs).
        case end
    }

    private let appendChunk: (ArraySlice<UInt8>) -> Void
    private let nextItem: (Bool) throws(StreamDecodingError) -> Decoded?
    /// Whether an item ended the stream.
    private(set) var isFinished = false

    init<Parser: StreamParser>(_ parser: Parser, decode: @escaping (Parser.Item) throws(StreamDecodingError) -> Decoded) {
        let box = Box(parser)
        appendChunk = { box.value.append($0) }
        nextItem = { atEnd throws(StreamDecodingError) in
            guard let item = try box.value.next(atEnd: atEnd) else { return nil }
            return try decode(item)
        }
    }

    func append(_ chunk: ArraySlice<UInt8>) {
        appendChunk(chunk)
    }

    /// The next element decoded from the bytes received so far.
    func next(atEnd: Bool) throws(StreamDecodingError) -> Element? {
        guard !isFinished, let decoded = try nextItem(atEnd) else { return nil }
        switch decoded {
        case .element(let element):
            return element
        case .end:
            isFinished = true
            return nil
        }
    }

    private final class Box<Value> {
        var value: Value
        init(_ value: Value) { self.value = value }
    }
}
