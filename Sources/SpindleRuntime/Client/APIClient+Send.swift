import Foundation

extension APIClient {
    /// Sends `request` and decodes a 2xx body as `Response`; a non-2xx status becomes `ClientError.api` with
    /// the body `errors` picks and decodes (generated code passes the operation's error decoder). `errors`
    /// returns `nil` for a status with no documented body and throws when the body does not match the
    /// documented one; the failure is kept on the error as `bodyDecodingFailure`.
    ///
    /// `Response == Data` returns the raw body (for binary responses) and `Response == JSONValue` keeps
    /// member order and exact numbers.
    public func send<Response: Decodable & Sendable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> Response {
        try await sendReturningResponse(request, options: options, errors: errors).value
    }

    /// Sends `request` and ignores a 2xx body (for `204 No Content` and other empty responses).
    public func send<ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) {
        let exchange = try await perform(request, options: options, errorBody: ErrorBody.self).buffered(errorBody: ErrorBody.self)
        try exchange.requireSuccess(errors: errors)
    }

    /// Like `send`, but also returns the raw response, for headers such as rate limits and request ids.
    public func sendReturningResponse<Response: Decodable & Sendable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> (value: Response, response: HTTPResponse) {
        let exchange = try await perform(request, options: options, errorBody: ErrorBody.self).buffered(errorBody: ErrorBody.self)
        try exchange.requireSuccess(errors: errors)
        return (try exchange.decode(Response.self, decoder: configuration.makeJSONDecoder(), errorBody: ErrorBody.self), exchange.response)
    }

    /// Sends `request` with credentials, retries and timeouts and returns the final response whatever its
    /// status. `errorBody` only names the error type to throw for failures other than a status.
    public func sendRaw<ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init(),
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> HTTPResponse {
        let exchange = try await perform(request, options: options, errorBody: ErrorBody.self).buffered(errorBody: ErrorBody.self)
        return exchange.response
    }

    /// `sendRaw` for callers without an API error type.
    public func sendRaw(
        _ request: HTTPRequestBuilder,
        options: RequestOptions = .init()
    ) async throws(ClientError<Never>) -> HTTPResponse {
        try await sendRaw(request, options: options, errorBody: Never.self)
    }
}

/// A final response together with what is needed to explain it in errors.
struct Exchange: Sendable {
    /// The response; for a streaming request, its head until `buffered()` reads the body into it.
    var response: HTTPResponse
    /// The body of a streaming request's response, still to be read.
    var stream: HTTPBody?
    let request: RequestSummary
    let redactor: Redactor
    let attempts: Int

    /// The exchange with a streamed body read whole into `response.body`; a connection that breaks
    /// meanwhile is a transport failure (never retried: the server already answered).
    func buffered<ErrorBody>(
        upTo maxBytes: Int = .max, errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> Exchange {
        guard let stream else { return self }
        var exchange = self
        do {
            exchange.response.body = try await stream.collect(upTo: maxBytes)
        } catch {
            throw streamFailure(error)
        }
        exchange.stream = nil
        return exchange
    }

    /// What an error thrown while the response body streams becomes: a typed, redacted client error.
    func streamFailure<ErrorBody>(_ error: any Error) -> ClientError<ErrorBody> {
        switch error {
        case let error as ClientError<ErrorBody>:
            return error
        case is CancellationError:
            return .cancelled
        case let error as URLError where error.code == .cancelled:
            return .cancelled
        case let error as TransportError where error.kind == .timedOut:
            return .timeout(TimeoutFailure(request: request, timeout: nil, attempts: attempts))
        case let error as TransportError:
            return .transport(TransportFailure(
                message: redactor.text(error.message), kind: error.kind, request: request, attempts: attempts
            ))
        default:
            let kind: TransportError.Kind = error is HTTPBodyError ? .other : .connectionDropped
            return .transport(TransportFailure(
                message: redactor.text("\(error)"), kind: kind, request: request, attempts: attempts
            ))
        }
    }

    func requireSuccess<ErrorBody: Sendable>(
        errors: (HTTPResponse) throws -> ErrorBody?
    ) throws(ClientError<ErrorBody>) {
        guard !response.isSuccess else { return }
        var body: ErrorBody?
        var bodyDecodingFailure: DecodingFailure?
        do {
            body = try errors(response)
        } catch {
            bodyDecodingFailure = redacted(DecodingFailure(error, status: response.status, rawBody: response.body, request: request))
        }
        throw .api(APIErrorResponse(
            status: response.status,
            headers: response.headers,
            body: body,
            rawBody: response.body,
            request: request,
            bodyPreview: redactor.text(APIErrorResponse<ErrorBody>.preview(of: response.body)),
            bodyDecodingFailure: bodyDecodingFailure
        ))
    }

    func decode<Response: Decodable, ErrorBody>(
        _ type: Response.Type,
        decoder: JSONDecoder,
        errorBody: ErrorBody.Type
    ) throws(ClientError<ErrorBody>) -> Response {
        if let data = response.body as? Response { return data }
        do {
            if Response.self == JSONValue.self, let value = try JSONValue(parsing: response.body) as? Response {
                return value
            }
            return try JSONCoding.decode(Response.self, from: response.body, decoder: decoder)
        } catch {
            throw .decoding(redacted(DecodingFailure(error, status: response.status, rawBody: response.body, request: request)))
        }
    }

    /// `failure` with any credential the server echoed scrubbed from its message.
    func redacted(_ failure: DecodingFailure) -> DecodingFailure {
        DecodingFailure(
            message: redactor.text(failure.message),
            path: failure.path,
            status: failure.status,
            rawBody: failure.rawBody,
            request: failure.request
        )
    }
}
