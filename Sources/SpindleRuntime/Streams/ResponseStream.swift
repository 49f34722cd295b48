import Foundation

/// The items of a streamed response, decoded as they arrive: the Server-Sent Events of a
/// `text/event-stream` response, or the items of a JSON Lines or JSON text sequence response.
///
/// ```swift
/// let stream = try await client.chat.completions.stream(body: request)
/// for try await event in stream {
///     print(event.data.choices[0].delta.content ?? "")
/// }
/// ```
///
/// Iterate it once: it reads the response body, which is not kept. Cancelling the task that iterates it, or
/// dropping it, closes the connection.
///
/// Every error the iteration throws is a `ClientError<ErrorBody>` (the generated client's error type):
/// `.decoding` for an item that is malformed, truncated or too large, with the item's index and byte
/// offset in its message and the JSON path inside the item as its `path`; `.transport`, `.timeout` or
/// `.cancelled` when the connection fails mid-stream. The sequence's own error type is `any Error`
/// rather than `ClientError<ErrorBody>`: `AsyncSequence`'s `Failure` type and `next(isolation:)`
/// (SE-0421) need macOS 15, iOS 18, tvOS 18 and watchOS 11, and this package supports macOS 14 and iOS 17,
/// where `for try await` can only call the untyped `next()`.
public struct ResponseStream<Element: Sendable, ErrorBody: Sendable>: AsyncSequence, Sendable {
    /// The response's status code.
    public let status: Int
    /// The response's header fields.
    public let headers: HTTPHeaders
    /// The largest item buffered; a larger one fails the iteration.
    public let maxItemBytes: Int

    private let body: HTTPBody
    private let decode: @Sendable (HTTPBody, Int) -> DecodedStream<HTTPBody, Element>
    private let exchange: Exchange

    init(
        _ response: StreamingHTTPResponse,
        exchange: Exchange,
        maxItemBytes: Int = StreamLimits.defaultMaxItemBytes,
        decode: @escaping @Sendable (HTTPBody, Int) -> DecodedStream<HTTPBody, Element>
    ) {
        status = response.status
        headers = response.headers
        body = response.body
        self.maxItemBytes = maxItemBytes
        self.exchange = exchange
        self.decode = decode
    }

    /// The same stream with another limit on the size of one item (an event, a line, a JSON text), for
    /// streams whose items are larger than ``StreamLimits/defaultMaxItemBytes``. Call it before iterating.
    public func limitingItems(toBytes limit: Int) -> ResponseStream {
        ResponseStream(
            StreamingHTTPResponse(status: status, headers: headers, body: body), exchange: exchange, maxItemBytes: limit,
            decode: decode)
    }

    /// Starts reading the response body.
    public func makeAsyncIterator() -> Iterator {
        Iterator(items: decode(body, maxItemBytes).makeAsyncIterator(), exchange: exchange)
    }

    /// Reads the next item.
    public struct Iterator: AsyncIteratorProtocol {
        var items: DecodedStream<HTTPBody, Element>.Iterator
        let exchange: Exchange

        /// The next item, or `nil` at the end of the response; throws `ClientError<ErrorBody>`.
        public mutating func next() async throws -> Element? {
            do {
                return try await items.next()
            } catch let error as StreamDecodingError {
                throw exchange.streamItemFailure(error) as ClientError<ErrorBody>
            } catch {
                throw exchange.streamFailure(error) as ClientError<ErrorBody>
            }
        }
    }
}

extension Exchange {
    /// An item of the response body that did not decode, as the client's decoding error: the item's index
    /// and offset in the message, the path inside the item as the path, the item's bytes as the raw body.
    func streamItemFailure<ErrorBody>(_ error: StreamDecodingError) -> ClientError<ErrorBody> {
        let location = error.location.prefix(1).uppercased() + error.location.dropFirst()
        return .decoding(redactor.redacted(DecodingFailure(
            message: "\(location): \(error.message)", path: error.path, status: response.status, rawBody: error.item,
            request: request)))
    }
}
