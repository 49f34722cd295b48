import Foundation

/// A transport for unit tests of code that calls a generated client: answers each operation with a typed
/// value, a typed error body or a network failure, without a server.
///
/// Operations are named by their descriptions under `<Client>.Operations`, so the compiler checks that an
/// answer has the type the operation returns:
///
/// ```swift
/// let stubs = StubTransport()
/// stubs.answer(StiggClient.Operations.customers.retrieve) { request in
///     Customer(id: request.pathParameters["id"] ?? "", name: "Ada")
/// }
/// let stigg = StiggClient(apiKey: "test", configuration: ClientConfiguration(transport: stubs, sleep: { _ in }))
/// ```
///
/// Everything else runs as in production: the client builds and authenticates the request, and decodes the
/// answer with the operation's own decoders, so a fixture that drifts from the spec fails the test. A request
/// is matched by method and path template (the one with more literal text wins); a request no answer matches
/// fails with a `TransportError` naming it and the operations answered, and is kept in
/// ``unmatchedRequests``. Answers may be given and requests read from any task.
public final class StubTransport: HTTPTransport {
    /// How one operation is answered.
    private struct Stub: Sendable {
        var operation: String
        var method: HTTPMethod
        var path: String
        var template: PathTemplate
        var answer: @Sendable (StubbedRequest) async throws -> HTTPResponse
    }

    private struct State {
        /// By method and path template: a later answer to the same operation replaces the earlier one.
        var stubs: [String: Stub] = [:]
        var matched: [StubbedRequest] = []
        var unmatched: [HTTPRequest] = []
    }

    private let state = Locked(State())

    /// Creates a transport that answers nothing yet.
    public init() {}

    // MARK: Answers

    /// Answers `operation` with what `handler` returns for each request: a value, an error body, a failure.
    public func respond<Response: Encodable & Sendable, ErrorBody: Encodable & Sendable>(
        to operation: APIOperation<Response, ErrorBody>,
        with handler: @escaping @Sendable (StubbedRequest) async throws -> StubResponse<Response, ErrorBody>
    ) {
        register(operation) { request in
            try await handler(request).httpResponse(
                successStatus: operation.successStatus, encodeValue: stubBody, encodeError: stubBody)
        }
    }

    /// Answers `operation`, which returns nothing, with what `handler` returns for each request.
    public func respond<ErrorBody: Encodable & Sendable>(
        to operation: APIOperation<Void, ErrorBody>,
        with handler: @escaping @Sendable (StubbedRequest) async throws -> StubResponse<Void, ErrorBody>
    ) {
        register(operation) { request in
            try await handler(request).httpResponse(
                successStatus: operation.successStatus, encodeValue: { _ in nil }, encodeError: stubBody)
        }
    }

    /// Answers `operation` with the value `handler` returns, sent with the documented success status; an
    /// error `handler` throws reaches the client as a network failure.
    public func answer<Response: Encodable & Sendable, ErrorBody>(
        _ operation: APIOperation<Response, ErrorBody>,
        with handler: @escaping @Sendable (StubbedRequest) async throws -> Response
    ) {
        register(operation) { request in
            stubHTTPResponse(status: operation.successStatus, body: try stubBody(try await handler(request)))
        }
    }

    /// Answers `operation`, which returns nothing, with its documented success status once `handler`
    /// (by default nothing) has seen the request.
    public func answer<ErrorBody>(
        _ operation: APIOperation<Void, ErrorBody>,
        with handler: @escaping @Sendable (StubbedRequest) async throws -> Void = { _ in }
    ) {
        register(operation) { request in
            try await handler(request)
            return HTTPResponse(status: operation.successStatus)
        }
    }

    /// Answers `operation` with an error response: `body` with `status`, as the API documents its errors.
    public func answer<Response, ErrorBody: Encodable & Sendable>(
        _ operation: APIOperation<Response, ErrorBody>,
        status: Int,
        error body: ErrorBody,
        headers: HTTPHeaders = [:]
    ) {
        register(operation) { _ in stubHTTPResponse(status: status, headers: headers, body: try stubBody(body)) }
    }

    /// Answers `operation` with a network failure, such as a `TransportError` of kind `.connectionDropped`.
    public func fail<Response, ErrorBody>(_ operation: APIOperation<Response, ErrorBody>, with error: TransportError) {
        register(operation) { _ in throw error }
    }

    /// Answers `operation` with the response `handler` writes, for any operation: bytes, event streams,
    /// or a body the spec would not allow.
    public func answer<Response, ErrorBody>(
        _ operation: APIOperation<Response, ErrorBody>,
        response handler: @escaping @Sendable (StubbedRequest) async throws -> HTTPResponse
    ) {
        register(operation, answer: handler)
    }

    /// Stops answering `operation`.
    public func remove<Response, ErrorBody>(_ operation: APIOperation<Response, ErrorBody>) {
        _ = state.withLock { $0.stubs.removeValue(forKey: Self.key(operation.method, operation.path)) }
    }

    // MARK: What was sent

    /// Every request an answer matched, in the order received.
    public var requests: [StubbedRequest] {
        state.withLock { $0.matched }
    }

    /// The requests that matched `operation`, in the order received.
    public func requests<Response, ErrorBody>(for operation: APIOperation<Response, ErrorBody>) -> [StubbedRequest] {
        requests.filter { $0.operation == operation.name }
    }

    /// The requests no answer matched, once per attempt; each also failed with a `TransportError` naming it.
    public var unmatchedRequests: [HTTPRequest] {
        state.withLock { $0.unmatched }
    }

    // MARK: HTTPTransport

    /// Answers `request` with the stub of the operation it matches, recording it; throws a `TransportError`
    /// (kind `.other`) naming the request when it matches none.
    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let path =
            URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? request.url.path
        let found: (Stub, StubbedRequest)? = state.withLock { state in
            let candidates = state.stubs.values.compactMap { stub in
                stub.method == request.method ? stub.template.match(path).map { (stub, $0) } : nil
            }
            // Ties (two templates as specific) go to the lower path, so the choice never depends on hash order.
            guard
                let (stub, parameters) = candidates.min(by: { first, second in
                    (first.0.template.specificity, second.0.path) > (second.0.template.specificity, first.0.path)
                })
            else {
                state.unmatched.append(request)
                return nil
            }
            let stubbed = StubbedRequest(operation: stub.operation, request: request, pathParameters: parameters)
            state.matched.append(stubbed)
            return (stub, stubbed)
        }
        guard let (stub, stubbed) = found else { throw unmatched(request) }
        return try await stub.answer(stubbed)
    }

    // MARK: Private

    private func register<Response, ErrorBody>(
        _ operation: APIOperation<Response, ErrorBody>,
        answer: @escaping @Sendable (StubbedRequest) async throws -> HTTPResponse
    ) {
        let stub = Stub(
            operation: operation.name, method: operation.method, path: operation.path,
            template: PathTemplate(operation.path),
            answer: answer)
        state.withLock { $0.stubs[Self.key(operation.method, operation.path)] = stub }
    }

    private static func key(_ method: HTTPMethod, _ path: String) -> String {
        "\(method.rawValue) \(path)"
    }

    /// The failure for a request no answer matches: the request, then what is answered.
    private func unmatched(_ request: HTTPRequest) -> TransportError {
        let answered = state.withLock { $0.stubs.values.map { "\($0.operation) (\($0.method.rawValue) \($0.path))" } }
            .sorted()
        let list = answered.isEmpty ? "no operation is answered" : "answered: " + answered.joined(separator: ", ")
        return TransportError(
            kind: .other,
            message: "StubTransport has no answer for \(request.method.rawValue) \(request.url.absoluteString); \(list)"
        )
    }
}
