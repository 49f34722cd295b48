import Foundation
import SpindleRuntime
import Testing

/// Clients with named security schemes (`APIClient(serverURL:configuration:securitySchemes:security:)`): where
/// credentials come from, and what the check before the transport accepts.
@Suite("Named security schemes")
struct NamedSecuritySchemeTests {
    static let header = SecurityScheme.apiKey(name: "X-Key", in: .header)

    private func client(_ transport: RecordingTransport, _ schemes: [ClientSecurityScheme], middleware: [any ClientMiddleware] = []) -> APIClient {
        var configuration = instantConfiguration(transport: transport)
        configuration.middlewares = middleware
        return APIClient(
            serverURL: URL(string: "https://api.example.com")!, configuration: configuration, securitySchemes: schemes,
            security: [["key", "bearer"]])
    }

    /// PATH is set in every process that runs tests, and nothing here changes the environment.
    @Test("a scheme without a credential reads its environment variable; a given credential wins")
    func environmentVariablePerScheme() throws {
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        #expect(ClientSecurityScheme("key", Self.header, credential: nil, environmentVariable: "PATH").credential == .apiKey(path))
        #expect(ClientSecurityScheme("bearer", .bearer, credential: nil, environmentVariable: "PATH").credential == .bearer(path))
        #expect(ClientSecurityScheme("key", Self.header, credential: .apiKey("given"), environmentVariable: "PATH").credential == .apiKey("given"))
        // Basic authentication reads `user:password`; PATH's `:` separates its folders, so it parses as one.
        let basic = ClientSecurityScheme("basic", .basic, credential: nil, environmentVariable: "PATH").credential
        guard case .basic(let username, _)? = basic else {
            Issue.record("expected a basic credential from PATH, got \(String(describing: basic))")
            return
        }
        #expect(path.hasPrefix(username + ":"))
        #expect(ClientSecurityScheme("key", Self.header, credential: nil, environmentVariable: "SPINDLE_SURELY_UNSET_1").credential == nil)
    }

    @Test("a middleware may supply the half of an AND requirement the client lacks")
    func middlewareCompletesARequirement() async throws {
        let transport = RecordingTransport(status: 204)
        let schemes = [
            ClientSecurityScheme("key", Self.header, credential: .apiKey("k1")),
            ClientSecurityScheme("bearer", .bearer, credential: nil),
        ]
        try await client(transport, schemes, middleware: [SettingAuthorization()])
            .send(HTTPRequestBuilder(method: .get, path: "/x"), errors: TestErrorBody.decode)
        #expect(transport.requests.first?.headers["X-Key"] == "k1")
        #expect(transport.requests.first?.headers["Authorization"] == "Bearer from-middleware")
    }

    @Test("without the middleware the same call fails before the transport")
    func halfARequirementIsMissing() async throws {
        let transport = RecordingTransport(status: 204)
        let schemes = [
            ClientSecurityScheme("key", Self.header, credential: .apiKey("k1")),
            ClientSecurityScheme("bearer", .bearer, credential: nil, environmentVariable: "SPINDLE_SURELY_UNSET_2"),
        ]
        do throws(ClientError<TestErrorBody>) {
            try await client(transport, schemes).send(HTTPRequestBuilder(method: .get, path: "/x"), errors: TestErrorBody.decode)
            Issue.record("expected .missingCredential")
        } catch {
            guard case .missingCredential(let failure) = error else {
                Issue.record("expected .missingCredential, got \(error)")
                return
            }
            #expect(failure.alternatives == [[Self.header, .bearer]])
            #expect(failure.environmentVariables == ["SPINDLE_SURELY_UNSET_2"])
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("the client and its schemes print without a credential")
    func descriptionsHideCredentials() {
        let provider = AccessTokenProvider.constant("at-secret-1")
        let schemes = [
            ClientSecurityScheme("key", Self.header, credential: .apiKey("k-secret-1")),
            ClientSecurityScheme("oauth", .bearer, credential: .accessToken(provider)),
        ]
        let client = client(RecordingTransport(status: 204), schemes)
        var dumped = ""
        dump(client.securitySchemes, to: &dumped)
        for text in ["\(client)", String(reflecting: client.securitySchemes), dumped, "\(provider)"] {
            #expect(!text.contains("k-secret-1") && !text.contains("at-secret-1"), "\(text)")
        }
    }
}

/// Sets a bearer token on every request, as an authenticating middleware would.
private struct SettingAuthorization: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers.set("Authorization", "Bearer from-middleware")
        return try await next(request)
    }
}
