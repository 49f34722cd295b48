import Foundation
import SpindleRuntime
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    private func sentRequest(
        security: [SecurityScheme],
        credential: Credential?,
        operationSecurity: [SecurityScheme]? = nil
    ) async throws -> HTTPRequest {
        let transport = RecordingTransport(status: 204)
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport),
            security: security,
            credential: credential
        )
        var request = HTTPRequestBuilder(method: .get, path: "/me")
        request.addQuery("q", "1")
        request.addCookie("pref", "x")
        request.security = operationSecurity
        try await client.send(request, errors: TestErrorBody.decode)
        return try #require(transport.requests.first)
    }

    @Test("API key in a header")
    func apiKeyHeader() async throws {
        let request = try await sentRequest(security: [.apiKey(name: "X-API-KEY", in: .header)], credential: .apiKey("k1"))
        #expect(request.headers["x-api-key"] == "k1")
    }

    @Test("API key in the query, after the operation's parameters")
    func apiKeyQuery() async throws {
        let request = try await sentRequest(security: [.apiKey(name: "api_key", in: .query)], credential: .apiKey("k+1"))
        #expect(request.url.query == "q=1&api_key=k%2B1")
    }

    @Test("API key in a cookie, alongside cookie parameters")
    func apiKeyCookie() async throws {
        let request = try await sentRequest(security: [.apiKey(name: "sid", in: .cookie)], credential: .apiKey("k1"))
        #expect(request.headers["Cookie"] == "pref=x; sid=k1")
    }

    @Test("bearer and basic")
    func bearerAndBasic() async throws {
        let bearer = try await sentRequest(security: [.bearer], credential: .bearer("tok"))
        #expect(bearer.headers["Authorization"] == "Bearer tok")
        let basic = try await sentRequest(security: [.basic], credential: .basic(username: "user", password: "pass"))
        #expect(basic.headers["Authorization"] == "Basic dXNlcjpwYXNz")
    }

    @Test("the credential goes to the first scheme it fits")
    func firstFittingScheme() async throws {
        let request = try await sentRequest(
            security: [.bearer, .apiKey(name: "X-Key", in: .header), .apiKey(name: "key", in: .query)],
            credential: .apiKey("k1")
        )
        #expect(request.headers["X-Key"] == "k1")
        #expect(request.url.query == "q=1")
        #expect(request.headers["Authorization"] == nil)
    }

    @Test("operations with no security send no credential")
    func operationWithoutSecurity() async throws {
        let request = try await sentRequest(security: [.bearer], credential: .bearer("tok"), operationSecurity: [])
        #expect(request.headers["Authorization"] == nil)
    }

    @Test("credentials come from the environment only when set")
    func environment() {
        #expect(Credential.fromEnvironment("SPINDLE_SURELY_UNSET_VARIABLE", as: Credential.apiKey) == nil)
        #expect(Credential.fromEnvironment("PATH", as: Credential.bearer) != nil)
    }

    @Test("credentials never print")
    func credentialDescription() {
        let credential = Credential.basic(username: "u", password: "hunter22")
        var dumped = ""
        dump(credential, to: &dumped)
        let client = APIClient(serverURL: URL(string: "https://x")!, credential: .apiKey("sk_live_123"))
        for text in ["\(credential)", String(reflecting: credential), dumped, "\(client)"] {
            #expect(!text.contains("hunter22") && !text.contains("sk_live_123"))
        }
    }
}
