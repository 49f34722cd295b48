import Foundation
import SpindleRuntime
import Testing

@Suite("Redaction")
struct RedactionTests {
    private let secret = "sk_live_SECRET123"

    @Test("errors and logs never contain an API key sent in the query")
    func queryKey() async throws {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [
            .response(.json(#"{"error":"bad key sk_live_SECRET123"}"#, status: 401)),
        ])
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, logger: logs.logger),
            security: [.apiKey(name: "token", in: .query)],
            credential: .apiKey(secret)
        )
        let error = await expectClientError { () async throws(TestError) in
            try await client.send(HTTPRequestBuilder(method: .get, path: "/me"), errors: TestErrorBody.decode)
        }
        let description = try #require(error).description
        #expect(description.contains("HTTP 401"))
        #expect(description.contains("token=<redacted>"))
        #expect(!description.contains(secret))
        #expect(error?.errorBody == .problem(.init(error: "bad key sk_live_SECRET123")))
        #expect(transport.requests.first?.url.query == "token=\(secret)")
        #expect(!logs.events.isEmpty)
        for event in logs.events {
            #expect(!event.message.contains(secret))
            #expect(!event.request.url.contains(secret))
            #expect(!event.headers.description.contains(secret))
        }
    }

    @Test("authorization headers are redacted in logs and transport messages are scrubbed")
    func headerKey() async throws {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [
            .failure(TransportError(kind: .other, message: "TLS failed for key \(secret)")),
        ])
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, retryPolicy: .never, logger: logs.logger),
            security: [.bearer],
            credential: .bearer(secret)
        )
        let error = await expectClientError { () async throws(TestError) in
            try await client.send(HTTPRequestBuilder(method: .get, path: "/me"), errors: TestErrorBody.decode)
        }
        guard case .transport(let failure) = error else {
            Issue.record("Expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(failure.message == "TLS failed for key <redacted>")
        let request = try #require(logs.events.first { $0.kind == .request })
        #expect(request.headers["Authorization"] == "<redacted>")
        #expect(logs.events.allSatisfy { !$0.description.contains(secret) })
    }
}
