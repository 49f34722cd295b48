import Foundation
import SpindleRuntime
import Testing

/// Every case of `ClientError`, produced by a client whose key the server (or the caller's own data) puts
/// into it, shows no form of the key in its description, `localizedDescription`, `String(reflecting:)` or
/// `dump`, and neither do the log events.
@Suite("Every client error is shown without the credential")
struct ErrorRedactionTests {
    static let key = CredentialEncodingTests.key
    static let echoes = CredentialEncodingTests.keyEchoes + [key]
    /// The key percent-encoded as a path parameter, so the request's own URL holds it.
    static let path = "/keys/{key}"

    private func client(
        _ transport: RecordingTransport, logs: LogRecorder, timeout: Duration? = .seconds(5), credential: Credential? = nil,
        retryPolicy: RetryPolicy = .never
    ) -> APIClient {
        APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, retryPolicy: retryPolicy, timeout: timeout, logger: logs.logger),
            security: [.apiKey(name: "X-Key", in: .header)],
            credential: credential ?? .apiKey(Self.key)
        )
    }

    private func request(_ method: HTTPMethod = .get) -> HTTPRequestBuilder {
        var request = HTTPRequestBuilder(method: method, path: Self.path)
        request.setPathParameter("key", Self.key)
        return request
    }

    private func expectRedacted(_ error: TestError?, _ logs: LogRecorder, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error != nil, sourceLocation: sourceLocation)
        expectNoEcho(
            of: Self.echoes, in: renderings(of: error) + logs.events.flatMap(renderings(of:)), sourceLocation: sourceLocation
        )
    }

    private func failure(of client: APIClient, _ request: HTTPRequestBuilder) async -> TestError? {
        await expectClientError { () async throws(TestError) in
            try await client.send(request, errors: TestErrorBody.decode)
        }
    }

    @Test func api() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(HTTPResponse(
            status: 400, headers: ["X-Request-Id": "az4_fiArL2V5PQ"],
            body: Data(#"{"error":"k%3E%3F%7E%20%2B%2Fey%3D is not allowed here"}"#.utf8)))])
        let error = await failure(of: client(transport, logs: logs), request())
        #expect(error?.errorBody != nil, "the error body decoded and holds the echo")
        expectRedacted(error, logs)
    }

    @Test func apiWithABodyThatDoesNotMatch() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(HTTPResponse(
            status: 422, body: Data(#"{"k>?~ +/ey=": {"error": 1}}"#.utf8)))])
        let error = await failure(of: client(transport, logs: logs), request())
        expectRedacted(error, logs)
    }

    @Test func transport() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [
            .failure(TransportError(kind: .connectionFailed, message: "proxy refused https://x/?k=k%3e%3f%7e%20%2b%2fey%3d")),
        ])
        let error = await failure(of: client(transport, logs: logs), request())
        guard case .transport = error else {
            Issue.record("Expected a transport error, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func timeout() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(fallback: { _ in
            try await Task.sleep(for: .seconds(5))
            return HTTPResponse(status: 204)
        })
        let error = await failure(of: client(transport, logs: logs, timeout: .milliseconds(20)), request())
        guard case .timeout = error else {
            Issue.record("Expected a timeout, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func cancelled() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(fallback: { _ in
            try await Task.sleep(for: .seconds(5))
            return HTTPResponse(status: 204)
        })
        let client = client(transport, logs: logs)
        let task = Task { await failure(of: client, request()) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let error = await task.value
        guard case .cancelled = error else {
            Issue.record("Expected cancellation, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func decoding() async {
        struct Stamped: Decodable, Sendable {
            var at: Date
            var counts: [String: Int]
        }
        for body in [#"{"at": "k>?~ +/ey=", "counts": {}}"#, #"{"at": "2025-10-26T10:00:00Z", "counts": {"az4/fiArL2V5PQ==": "x"}}"#] {
            let logs = LogRecorder()
            let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 200, body: Data(body.utf8)))])
            let error = await expectClientError { () async throws(TestError) -> Stamped in
                try await client(transport, logs: logs).send(request(), errors: TestErrorBody.decode)
            }
            guard case .decoding = error else {
            Issue.record("Expected a decoding error, got \(String(describing: error))")
            return
        }
            expectRedacted(error, logs)
        }
    }

    @Test func encoding() async {
        struct Refused: Encodable, Sendable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(
                    CredentialEncodingTests.key,
                    .init(codingPath: [], debugDescription: "will not send k%3E%3F%7E%20%2B%2Fey%3D"))
            }
        }
        let logs = LogRecorder()
        var request = request(.post)
        request.setJSONBody(Refused())
        let error = await failure(of: client(RecordingTransport(), logs: logs), request)
        guard case .encoding = error else {
            Issue.record("Expected an encoding error, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func invalidResponse() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 1000))])
        let error = await failure(of: client(transport, logs: logs), request())
        guard case .invalidResponse = error else {
            Issue.record("Expected an invalid response, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func pagination() async {
        struct Page: Decodable, Sendable {
            var items: [Int]
            var next: String?
        }
        let logs = LogRecorder()
        let transport = RecordingTransport(fallback: { _ in
            HTTPResponse(status: 200, body: Data(#"{"items": [1], "next": "az4/fiArL2V5PQ=="}"#.utf8))
        })
        let client = client(transport, logs: logs)
        let pages = PageSequence<Page, TestErrorBody>(
            operation: "keys.list (GET /keys)", client: client,
            fetch: { page in
                var request = HTTPRequestBuilder(method: .get, path: "/keys")
                request.addQuery("after", page.cursor)
                return try await client.send(request, errors: TestErrorBody.decode)
            },
            strategy: .cursor { $0.next })
        let error = await expectClientError { () async throws(TestError) in try await pages.collect() }
        guard case .pagination(let failure) = error else {
            Issue.record("Expected a pagination error, got \(String(describing: error))")
            return
        }
        #expect(failure.cursor == "<redacted>")
        expectRedacted(error, logs)
    }

    @Test func redirect() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [
            .response(HTTPResponse(status: 302, headers: ["Location": "https://elsewhere.example/?next=k%253E%253F%257E%2520%252B%252Fey%253D"])),
        ])
        let error = await failure(of: client(transport, logs: logs), request())
        guard case .redirect = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }

    @Test func missingCredential() async {
        let logs = LogRecorder()
        let transport = RecordingTransport()
        var request = request()
        request.security = [.bearer]
        let error = await failure(of: client(transport, logs: logs), request)
        guard case .missingCredential = error else {
            Issue.record("Expected a missing credential, got \(String(describing: error))")
            return
        }
        #expect(transport.requests.isEmpty)
        expectRedacted(error, logs)
    }

    /// The app's token provider fails with a message that holds the key (an identity provider echoing it).
    @Test func accessToken() async {
        struct ProviderFailure: Error, CustomStringConvertible {
            var description: String { "the token endpoint refused k%3E%3F%7E%20%2B%2Fey%3D" }
        }
        let logs = LogRecorder()
        let transport = RecordingTransport()
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, logger: logs.logger),
            securitySchemes: [
                ClientSecurityScheme("key", .apiKey(name: "X-Key", in: .header), credential: .apiKey(Self.key)),
                ClientSecurityScheme("oauth", .bearer, credential: .accessToken(AccessTokenProvider { _ in throw ProviderFailure() })),
            ],
            security: [["key", "oauth"]])
        let error = await failure(of: client, request())
        guard case .accessToken(let failure) = error else {
            Issue.record("Expected an access token failure, got \(String(describing: error))")
            return
        }
        #expect(failure.scheme == "oauth")
        #expect(transport.requests.isEmpty)
        expectRedacted(error, logs)
    }

    @Test func bodyNotReplayable() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 503))])
        var request = request(.put)
        request.setBody(HTTPBody(AsyncStream { continuation in
            continuation.yield(Array("one-shot".utf8))
            continuation.finish()
        }), contentType: "application/octet-stream")
        let error = await expectClientError { () async throws(TestError) in
            try await client(transport, logs: logs, retryPolicy: .default).send(request, errors: TestErrorBody.decode)
        }
        guard case .bodyNotReplayable = error else {
            Issue.record("Expected bodyNotReplayable, got \(String(describing: error))")
            return
        }
        expectRedacted(error, logs)
    }
}
