import Foundation
import SpindleRuntime
import Testing

/// Operations whose security requires a credential fail before sending when the client has none; optional
/// and absent security still go out. Over real loopback HTTP, so "nothing was sent" is what the server saw.
@Suite("Integration: missing credentials")
struct MissingCredentialIntegrationTests {
    private func client(
        _ url: URL,
        credential: Credential? = nil,
        defaultHeaders: HTTPHeaders = [:],
        middlewares: [any ClientMiddleware] = [],
        logger: (@Sendable (LogEvent) -> Void)? = nil
    ) -> APIClient {
        APIClient(
            serverURL: url,
            configuration: ClientConfiguration(
                middlewares: middlewares, retryPolicy: RetryPolicy(maxRetries: 2), timeout: .seconds(30),
                defaultHeaders: defaultHeaders, logger: logger
            ),
            security: [.apiKey(name: "X-API-KEY", in: .header)],
            credential: credential,
            credentialEnvironmentVariable: "SPINDLE_SURELY_UNSET_API_KEY"
        )
    }

    private func send(
        _ client: APIClient,
        optional: Bool = false,
        security: [SecurityScheme]? = nil
    ) async -> TestError? {
        var request = HTTPRequestBuilder(method: .post, path: "/widgets")
        request.setJSONBody(Widget(id: "w1", name: "Widget"))
        request.isSecurityOptional = optional
        request.security = security
        return await expectClientError { () async throws(TestError) in
            try await client.send(request, errors: TestErrorBody.decode)
        }
    }

    @Test("a required credential that is missing fails before anything is sent")
    func missingFailsBeforeSending() async throws {
        let log = RequestLog()
        let recorder = LogRecorder()
        let (error, url) = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            (await send(client(url, logger: recorder.logger)), url)
        }
        #expect(log.count == 0)
        guard case .missingCredential(let failure) = error else {
            Issue.record("Expected a missing-credential error, got \(String(describing: error))")
            return
        }
        #expect(failure.request == RequestSummary(method: .post, url: url.absoluteString + "/widgets"))
        #expect(failure.schemes == [.apiKey(name: "X-API-KEY", in: .header)])
        #expect(failure.environmentVariable == "SPINDLE_SURELY_UNSET_API_KEY")
        #expect(!failure.hasUnfittingCredential)
        #expect(failure.description == "POST \(url.absoluteString)/widgets requires an API key in the X-API-KEY header, "
            + "but the client has no credential; pass one to the client or set SPINDLE_SURELY_UNSET_API_KEY. Nothing was sent.")
        #expect(recorder.events.map(\.kind) == [.request, .failure], "not retried")
    }

    @Test("a credential of another kind than the schemes accept is missing too")
    func unfittingCredential() async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            await send(client(url, credential: .bearer("tok-1234")))
        }
        #expect(log.count == 0)
        guard case .missingCredential(let failure) = error else {
            Issue.record("Expected a missing-credential error, got \(String(describing: error))")
            return
        }
        #expect(failure.hasUnfittingCredential)
        #expect(failure.description.contains("the client's credential is of another kind"))
    }

    @Test("optional security (an empty requirement among the alternatives) goes out without a credential")
    func optionalSecurity() async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            await send(client(url), optional: true)
        }
        #expect(error == nil)
        #expect(log.count == 1)
        #expect(log.requests.first?.header("X-API-KEY") == nil)
    }

    @Test("an operation without security goes out without a credential")
    func noSecurity() async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            await send(client(url), security: [])
        }
        #expect(error == nil)
        #expect(log.count == 1)
    }

    @Test("a credential set as a default header or by a middleware counts")
    func credentialFromElsewhere() async throws {
        let log = RequestLog()
        let errors = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            [
                await send(client(url, defaultHeaders: ["X-API-KEY": "from-defaults"])),
                await send(client(url, middlewares: [SettingHeader(name: "X-API-KEY", value: "from-middleware")])),
            ]
        }
        #expect(errors.map { $0 == nil } == [true, true])
        #expect(log.requests.map { $0.header("X-API-KEY") } == ["from-defaults", "from-middleware"])
    }

    @Test("a given credential goes out as before")
    func givenCredential() async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(204)
        }) { url in
            await send(client(url, credential: .apiKey("k-1234")))
        }
        #expect(error == nil)
        #expect(log.requests.first?.header("X-API-KEY") == "k-1234")
    }
}

/// Sets a header on every request, as an authenticating middleware would.
private struct SettingHeader: ClientMiddleware {
    let name: String
    let value: String

    func intercept(
        _ request: HTTPRequest,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers.set(name, value)
        return try await next(request)
    }
}
