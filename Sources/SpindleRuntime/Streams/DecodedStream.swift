import Foundation

/// Items decoded from a stream of byte chunks as the chunks arrive: Server-Sent Events, JSON Lines or a JSON
/// text sequence over an ``HTTPBody`` or any other `AsyncSequence` of bytes.
///
/// An item is handed on as soon as its last byte arrives, never when the stream closes, and only the item
/// being read is buffered (at most `maxItemBytes` of it). A malformed item throws a
/// ``StreamDecodingError`` naming its index and byte offset; errors of the upstream sequence are thrown
/// as they are. Either ends the iteration.
///
/// ```swift
/// for try await event in body.serverSentEvents(of: Tick.self) { … }
/// ```
public struct DecodedStream<Upstream: AsyncSequence & Sendable, Element: Sendable>: AsyncSequence, Sendable
where Upstream.Element: Collection<UInt8> {
    let upstream: Upstream
    let makeDecoder: @Sendable () -> ItemDecoder<Element>

    init(_ upstream: Upstream, makeDecoder: @escaping @Sendable () -> ItemDecoder<Element>) {
        self.upstream = upstream
        self.makeDecoder = makeDecoder
    }

    /// Starts reading the upstream sequence.
    public func makeAsyncIterator() -> Iterator {
        Iterator(upstream: upstream.makeAsyncIterator(), decoder: makeDecoder())
    }

    /// Reads chunks until the next item is complete.
    public struct Iterator: AsyncIteratorProtocol {
        var upstream: Upstream.AsyncIterator
        let decoder: ItemDecoder<Element>
        var upstreamEnded = false
        var finished = false

        /// The next item, or `nil` at the end of the stream.
        public mutating func next() async throws -> Element? {
            guard !finished else { return nil }
            do {
                while true {
                    if let element = try decoder.next(atEnd: upstreamEnded) { return element }
                    if decoder.isFinished || upstreamEnded {
                        finished = true
                        return nil
                    }
                    if let chunk = try await upstream.next() {
                        decoder.append(chunk as? ArraySlice<UInt8> ?? ArraySlice(chunk))
                    } else {
                        upstreamEnded = true
                    }
                }
            } catch {
                finished = true
                throw error
            }
        }
    }
}

/// The limits of streamed body decoding.
public enum StreamLimits {
    /// The largest item (an event, a line, a JSON text, a multipart part's headers) buffered by default:
    /// 16 MiB. A larger one fails with ``StreamDecodingError/Kind/tooLarge(limit:)``.
    public static let defaultMaxItemBytes = 16 * 1024 * 1024
}

extension AsyncSequence where Self: Sendable, Element: Collection<UInt8> {
    /// The Server-Sent Events of a `text/event-stream` body, with their data as text.
    public func serverSentEvents(
        maxEventBytes: Int = StreamLimits.defaultMaxItemBytes
    ) -> DecodedStream<Self, ServerSentEvent<String>> {
        DecodedStream(self) {
            ItemDecoder(ServerSentEventParser(maxEventBytes: maxEventBytes)) { event in
                .element(ServerSentEvent(
                    data: String(decoding: event.data, as: UTF8.self), event: event.event, id: event.id, retry: event.retry))
            }
        }
    }

    /// The Server-Sent Events of a `text/event-stream` body, with their data decoded from JSON as `Payload`.
    ///
    /// An event whose data is `[DONE]`, which OpenAI-style APIs send last and which is no JSON, ends the
    /// sequence.
    public func serverSentEvents<Payload: Decodable & Sendable>(
        of type: Payload.Type,
        decoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        maxEventBytes: Int = StreamLimits.defaultMaxItemBytes
    ) -> DecodedStream<Self, ServerSentEvent<Payload>> {
        DecodedStream(self) {
            let jsonDecoder = decoder()
            return ItemDecoder(ServerSentEventParser(maxEventBytes: maxEventBytes)) { event throws(StreamDecodingError) in
                if event.data.elementsEqual("[DONE]".utf8) { return .end }
                let data = try decodeJSON(
                    Payload.self, event.data, decoder: jsonDecoder, format: .serverSentEvents, index: event.index,
                    offset: event.offset)
                return .element(ServerSentEvent(data: data, event: event.event, id: event.id, retry: event.retry))
            }
        }
    }

    /// The items of an `application/jsonl` or `application/x-ndjson` body (JSON Lines), decoded as `Item`.
    public func jsonLines<Item: Decodable & Sendable>(
        of type: Item.Type,
        decoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        maxLineBytes: Int = StreamLimits.defaultMaxItemBytes
    ) -> DecodedStream<Self, Item> {
        DecodedStream(self) {
            let jsonDecoder = decoder()
            return ItemDecoder(JSONLinesParser(maxItemBytes: maxLineBytes)) { line throws(StreamDecodingError) in
                .element(try decodeJSON(
                    Item.self, line.bytes, decoder: jsonDecoder, format: .jsonLines, index: line.index, offset: line.offset))
            }
        }
    }

    /// The items of an `application/json-seq` body (RFC 7464 JSON text sequence), decoded as `Item`.
    public func jsonSequence<Item: Decodable & Sendable>(
        of type: Item.Type,
        decoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        maxItemBytes: Int = StreamLimits.defaultMaxItemBytes
    ) -> DecodedStream<Self, Item> {
        DecodedStream(self) {
            let jsonDecoder = decoder()
            return ItemDecoder(JSONSequenceParser(maxItemBytes: maxItemBytes)) { item throws(StreamDecodingError) in
                .element(try decodeJSON(
                    Item.self, item.bytes, decoder: jsonDecoder, format: .jsonSequence, index: item.index, offset: item.offset))
            }
        }
    }
}

/// Decodes one item's JSON; a failure names the item and the path inside it.
private func decodeJSON<Value: Decodable>(
    _ type: Value.Type, _ bytes: [UInt8], decoder: JSONDecoder, format: StreamDecodingError.Format, index: Int, offset: Int64
) throws(StreamDecodingError) -> Value {
    let data = Data(bytes)
    if Value.self == JSONValue.self {
        do {
            if let value = try JSONValue(parsing: data) as? Value { return value }
        } catch {
            throw StreamDecodingError(
                format: format, kind: .malformed, index: index, offset: offset, path: error.path, message: error.message, item: data)
        }
    }
    do {
        return try JSONCoding.decode(Value.self, from: data, decoder: decoder)
    } catch {
        throw .decoding(error, format: format, index: index, offset: offset, item: data)
    }
}
