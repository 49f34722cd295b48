import Foundation
import SpindleRuntime
import Testing

/// Origin and status rules of redirects, over a recording transport (the loopback tests cover the wire).
@Suite("Redirect rules")
struct RedirectRuleTests {
    private func send(
        _ method: HTTPMethod = .get,
        serverURL: String = "https://api.example.com/v1",
        replies: [HTTPResponse],
        policy: RedirectPolicy = .default
    ) async -> (error: TestError?, requests: [HTTPRequest]) {
        let transport = RecordingTransport(replies: replies.map { .response($0) }, fallback: { _ in HTTPResponse(status: 204) })
        var configuration = instantConfiguration(transport: transport, retryPolicy: RetryPolicy(maxRetries: 0))
        configuration.redirectPolicy = policy
        let client = APIClient(
            serverURL: URL(string: serverURL)!, configuration: configuration, security: [.bearer], credential: .bearer("tok-123")
        )
        var request = HTTPRequestBuilder(method: method, path: "/things")
        if method != .get { request.setJSONBody(["a": 1]) }
        let error = await expectClientError { () async throws(TestError) in
            try await client.send(request, errors: TestErrorBody.decode)
        }
        return (error, transport.requests)
    }

    private func redirect(_ status: Int, to location: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Location": location])
    }

    @Test("another scheme, host or port is another origin", arguments: [
        "http://api.example.com/v1/x", "https://other.example.com/v1/x", "https://api.example.com:8443/v1/x",
        "https://api.example.com.evil.test/v1/x",
    ])
    func otherOrigins(location: String) async throws {
        let (error, requests) = await send(replies: [redirect(302, to: location)])
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .crossOrigin)
        #expect(requests.count == 1)
    }

    @Test("the same origin, spelled with another case or the default port, is followed with the credential", arguments: [
        "https://API.example.com/v1/x", "https://api.example.com:443/v1/x", "//api.example.com/v1/x",
    ])
    func sameOrigin(location: String) async throws {
        let (error, requests) = await send(replies: [redirect(301, to: location)])
        #expect(error == nil)
        #expect(requests.count == 2)
        #expect(requests.last?.headers["Authorization"] == "Bearer tok-123")
    }

    @Test("a Location that is not an http(s) URL is refused as invalid", arguments: ["ftp://api.example.com/x", "http://", "javascript:alert(1)"])
    func invalidLocation(location: String) async throws {
        let (error, requests) = await send(replies: [redirect(302, to: location)])
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .invalidLocation)
        #expect(requests.count == 1)
    }

    @Test("300, 304 and a 3xx without Location are final responses, not redirects", arguments: [
        HTTPResponse(status: 300, headers: ["Location": "/v1/x"]), HTTPResponse(status: 304, headers: ["Location": "/v1/x"]),
        HTTPResponse(status: 302),
    ])
    func notRedirects(response: HTTPResponse) async throws {
        let (error, requests) = await send(replies: [response])
        #expect(error?.status == response.status)
        #expect(requests.count == 1)
    }

    @Test("308 keeps PUT and its body; 301 and 302 keep a PUT too, as the Fetch standard says", arguments: [308, 301, 302])
    func putKeepsMethod(status: Int) async throws {
        let (error, requests) = await send(.put, replies: [redirect(status, to: "/v1/y")])
        #expect(error == nil)
        #expect(requests.map(\.method) == [.put, .put])
        #expect(requests.last?.body == requests.first?.body)
    }

    @Test("303 turns a DELETE into a GET but keeps a HEAD")
    func seeOtherMethods() async throws {
        let (_, deleted) = await send(.delete, replies: [redirect(303, to: "/v1/y")])
        #expect(deleted.map(\.method) == [.delete, .get])
        #expect(deleted.last?.body == nil)
        let (_, head) = await send(.head, replies: [redirect(303, to: "/v1/y")])
        #expect(head.map(\.method) == [.head, .head])
    }

    @Test("a credential stays off for the rest of the chain once a redirect left the origin")
    func strippedForGood() async throws {
        let (error, requests) = await send(
            replies: [redirect(302, to: "https://cdn.example.net/a"), redirect(302, to: "https://api.example.com/v1/b")],
            policy: RedirectPolicy(crossOrigin: .followWithoutCredentials)
        )
        #expect(error == nil)
        #expect(requests.map { $0.headers["Authorization"] } == ["Bearer tok-123", nil, nil])
    }

    @Test("maxRedirects 0 refuses every redirect")
    func noRedirects() async throws {
        let (error, requests) = await send(replies: [redirect(307, to: "/v1/y")], policy: RedirectPolicy(maxRedirects: 0))
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .tooManyRedirects)
        #expect(requests.count == 1)
    }

    @Test("a refused Location is shown without its user password")
    func redactedLocation() async throws {
        let (error, _) = await send(replies: [redirect(302, to: "https://user:hunter2hunter2@evil.test/x?token=tok-123&a=1")])
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.location == "https://user:<redacted>@evil.test/x?token=<redacted>&a=1")
        #expect(!"\(error!)".contains("hunter2") && !"\(error!)".contains("tok-123"))
        #expect(TestError.redirect(failure).withBodyType(Never.self).description == error!.description)
    }
}
