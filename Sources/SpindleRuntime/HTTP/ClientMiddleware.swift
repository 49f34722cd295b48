/// Intercepts every attempt of every request: inspect or change the request, call `next`, inspect or change the
/// response.
///
/// Middlewares run in the order of `ClientConfiguration.middlewares` (the first is outermost), once per attempt
/// and again for each redirect the client follows, after authentication has been applied and inside the
/// per-attempt timeout. Errors thrown by a middleware are reported as transport failures.
///
/// Operations with streaming bodies (uploads, downloads, event streams) go through
/// `intercept(streaming:body:next:)`. Its default runs `intercept(_:next:)` with the request head: changes to
/// the request's URL and headers and to the response's status and headers apply as usual, but the
/// middleware sees neither body (the response it is handed has an empty body). A middleware that must read
/// or replace streaming bodies implements the streaming method itself.
public protocol ClientMiddleware: Sendable {
    /// Handles `request`, normally by calling `next` with it (or a modified copy).
    func intercept(
        _ request: HTTPRequest,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse

    /// Handles a request whose bodies stream, normally by calling `next` with it (or a modified copy).
    func intercept(
        streaming request: HTTPRequest,
        body: HTTPBody?,
        next: @Sendable (HTTPRequest, HTTPBody?) async throws -> StreamingHTTPResponse
    ) async throws -> StreamingHTTPResponse
}

extension ClientMiddleware {
    /// Runs `intercept(_:next:)` on the request and response heads; the streaming bodies pass through.
    ///
    /// A response the middleware returns with a body of its own (a stubbed or cached answer) replaces the
    /// streamed one.
    public func intercept(
        streaming request: HTTPRequest,
        body: HTTPBody?,
        next: @Sendable (HTTPRequest, HTTPBody?) async throws -> StreamingHTTPResponse
    ) async throws -> StreamingHTTPResponse {
        let streamed = Locked<StreamingHTTPResponse?>(nil)
        let head = try await intercept(request) { request in
            let response = try await next(request, body)
            streamed.withLock { $0 = response }
            return HTTPResponse(status: response.status, headers: response.headers)
        }
        guard let response = streamed.withLock({ $0 }), head.body.isEmpty else {
            return StreamingHTTPResponse(head)
        }
        return StreamingHTTPResponse(status: head.status, headers: head.headers, body: response.body)
    }
}

extension Array where Element == any ClientMiddleware {
    /// Runs `request` through the middlewares and finally `transport`.
    func send(
        _ request: HTTPRequest,
        through transport: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let chain = reversed().reduce(transport) { next, middleware in
            { @Sendable request in try await middleware.intercept(request, next: next) }
        }
        return try await chain(request)
    }

    /// Runs a streaming request through the middlewares and finally `transport`.
    func stream(
        _ request: HTTPRequest,
        body: HTTPBody?,
        through transport: @escaping @Sendable (HTTPRequest, HTTPBody?) async throws -> StreamingHTTPResponse
    ) async throws -> StreamingHTTPResponse {
        let chain = reversed().reduce(transport) { next, middleware in
            { @Sendable request, body in try await middleware.intercept(streaming: request, body: body, next: next) }
        }
        return try await chain(request, body)
    }
}
