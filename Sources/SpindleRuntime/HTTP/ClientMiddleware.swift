/// Intercepts every attempt of every request: inspect or change the request, call `next`, inspect or change the
/// response.
///
/// Middlewares run in the order of `ClientConfiguration.middlewares` (the first is outermost), once per attempt
/// and again for each redirect the client follows, after authentication has been applied and inside the
/// per-attempt timeout. Errors thrown by a middleware are reported as transport failures.
public protocol ClientMiddleware: Sendable {
    /// Handles `request`, normally by calling `next` with it (or a modified copy).
    func intercept(
        _ request: HTTPRequest,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
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
}
