import Foundation

extension APIClient {
    /// The most bytes of a non-2xx streaming response read to decode its error body.
    static let errorBodyLimit = 8 * 1024 * 1024

    /// Sends `request` and returns the 2xx response as soon as its head arrives, with the body streaming:
    /// downloads, Server-Sent Events, JSON Lines. A non-2xx status reads up to 8 MiB of the body and throws
    /// `ClientError.api` with the body `errors` decodes, as `send` does.
    ///
    /// Retries, redirects and credentials follow the same rules as `send`; a failure while the body
    /// streams is thrown from the body's iterator as a `ClientError<ErrorBody>` and is not retried.
    /// Cancelling the task that reads the body, or dropping the body, closes the connection.
    public func sendStreaming<ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> StreamingHTTPResponse {
        try await openStream(request, options: options, errors: errors).response
    }

    /// `sendStreaming`, with the exchange that explains failures of what is decoded from the body.
    func openStream<ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions,
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> (response: StreamingHTTPResponse, exchange: Exchange) {
        let exchange = try await perform(request, options: options, streamingResponse: true, errorBody: ErrorBody.self)
        guard exchange.response.isSuccess, let stream = exchange.stream else {
            try await exchange.buffered(upTo: Self.errorBodyLimit, errorBody: ErrorBody.self).requireSuccess(errors: errors)
            return (StreamingHTTPResponse(exchange.response), exchange)
        }
        let body = HTTPBody(length: stream.length, iterationBehavior: .single) {
            var chunks = stream.makeAsyncIterator()
            return ChunkSource {
                do {
                    return try await chunks.next()
                } catch {
                    let failure: ClientError<ErrorBody> = exchange.streamFailure(error)
                    throw failure
                }
            }
        }
        return (StreamingHTTPResponse(status: exchange.response.status, headers: exchange.response.headers, body: body), exchange)
    }
}
