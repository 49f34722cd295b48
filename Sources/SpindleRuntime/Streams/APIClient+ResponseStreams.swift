import Foundation

extension APIClient {
    /// Sends `request` and returns the Server-Sent Events of the `text/event-stream` response as they arrive,
    /// with their data as text. Errors are those of `sendStreaming`; see ``ResponseStream`` for those of the
    /// iteration.
    public func sendServerSentEvents<ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> ResponseStream<ServerSentEvent<String>, ErrorBody> {
        let (response, exchange) = try await openStream(accepting("text/event-stream", request), options: options, errors: errors)
        return ResponseStream(response, exchange: exchange) { body, limit in body.serverSentEvents(maxEventBytes: limit) }
    }

    /// Sends `request` and returns the Server-Sent Events of the `text/event-stream` response as they arrive,
    /// with their data decoded from JSON as `Payload` by the client's decoder. An event whose data is
    /// `[DONE]` ends the stream.
    public func sendServerSentEvents<Payload: Decodable & Sendable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        data: Payload.Type,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> ResponseStream<ServerSentEvent<Payload>, ErrorBody> {
        let (response, exchange) = try await openStream(accepting("text/event-stream", request), options: options, errors: errors)
        let decoder = configuration.makeJSONDecoder
        return ResponseStream(response, exchange: exchange) { body, limit in
            body.serverSentEvents(of: Payload.self, decoder: decoder, maxEventBytes: limit)
        }
    }

    /// Sends `request` and returns the items of the JSON Lines (`application/jsonl`, `application/x-ndjson`)
    /// response as they arrive, decoded as `Item` by the client's decoder.
    public func sendJSONLines<Item: Decodable & Sendable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        of type: Item.Type,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> ResponseStream<Item, ErrorBody> {
        let request = accepting("application/jsonl, application/x-ndjson", request)
        let (response, exchange) = try await openStream(request, options: options, errors: errors)
        let decoder = configuration.makeJSONDecoder
        return ResponseStream(response, exchange: exchange) { body, limit in
            body.jsonLines(of: Item.self, decoder: decoder, maxLineBytes: limit)
        }
    }

    /// Sends `request` and returns the items of the JSON text sequence (`application/json-seq`, RFC 7464)
    /// response as they arrive, decoded as `Item` by the client's decoder.
    public func sendJSONSequence<Item: Decodable & Sendable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        of type: Item.Type,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> ResponseStream<Item, ErrorBody> {
        let (response, exchange) = try await openStream(accepting("application/json-seq", request), options: options, errors: errors)
        let decoder = configuration.makeJSONDecoder
        return ResponseStream(response, exchange: exchange) { body, limit in
            body.jsonSequence(of: Item.self, decoder: decoder, maxItemBytes: limit)
        }
    }

    /// `request` asking for `mediaType` unless it already says what it accepts.
    func accepting(_ mediaType: String, _ request: HTTPRequestBuilder) -> HTTPRequestBuilder {
        guard !request.headers.contains("Accept") else { return request }
        var request = request
        request.headers.set("Accept", mediaType)
        return request
    }
}
