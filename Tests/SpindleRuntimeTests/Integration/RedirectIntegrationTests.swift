import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SpindleRuntime
import Testing

/// Redirects over real loopback HTTP. Two servers on different ports are two origins: the API's and another.
@Suite("Integration: redirects and credentials")
struct RedirectIntegrationTests {
    static let key = "test-key"

    /// Runs `body` with the API server and another-origin server, each answering with its handler.
    private func withTwoOrigins<Result>(
        api: @escaping @Sendable (ServerRequest, URL) -> ServerReply,
        other: @escaping @Sendable (ServerRequest) -> ServerReply = { _ in .json(widgetJSON) },
        body: (_ api: URL, _ other: URL) async throws -> Result
    ) async throws -> Result {
        try await TestServer.run({ request in other(request) }) { otherURL in
            try await TestServer.run({ request in api(request, otherURL) }) { apiURL in
                try await body(apiURL, otherURL)
            }
        }
    }

    private func client(
        _ url: URL,
        transport: TransportUnderTest = .urlSession,
        redirectPolicy: RedirectPolicy = .default,
        logger: (@Sendable (LogEvent) -> Void)? = nil,
        defaultHeaders: HTTPHeaders = [:],
        redactedHeaderNames: Set<String> = []
    ) -> WidgetClient {
        WidgetClient(
            apiKey: Self.key,
            serverURL: url,
            configuration: ClientConfiguration(
                transport: transport.make(),
                retryPolicy: RetryPolicy(maxRetries: 0),
                redirectPolicy: redirectPolicy,
                timeout: .seconds(30),
                defaultHeaders: defaultHeaders,
                logger: logger,
                redactedHeaderNames: redactedHeaderNames
            )
        )
    }

    /// Calls `get` or `create`, the GET and POST operations.
    private func call(_ client: WidgetClient, _ method: String) async throws(TestError) -> Widget {
        if method == "GET" {
            return try await client.get(id: "w1")
        }
        return try await client.create(Widget(id: "w1", name: "Widget"))
    }

    // MARK: Cross-origin

    @Test("a cross-origin redirect is refused and the other origin receives nothing", arguments: TransportUnderTest.all, [
        (302, "GET"), (302, "POST"), (307, "GET"), (307, "POST"),
    ])
    func crossOriginRefused(transport: TransportUnderTest, redirect: (status: Int, method: String)) async throws {
        let (status, method) = redirect
        let otherLog = RequestLog()
        let apiLog = RequestLog()
        let (error, otherURL) = try await withTwoOrigins(api: { request, other in
            _ = apiLog.record(request)
            return .status(status, headers: ["Location": other.absoluteString + "/stolen?api_key=\(Self.key)"])
        }, other: { request in
            _ = otherLog.record(request)
            return .json(widgetJSON)
        }) { api, other in
            (await expectClientError { () async throws(TestError) in try await call(client(api, transport: transport), method) }, other)
        }
        #expect(otherLog.count == 0)
        #expect(apiLog.count == 1)
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .crossOrigin)
        #expect(failure.status == status)
        #expect(failure.location == otherURL.absoluteString + "/stolen?api_key=<redacted>")
        #expect(failure.request.method.rawValue == method)
        #expect(failure.redirectsFollowed == 0)
        let description = try #require(error).description
        #expect(description.contains("HTTP \(status)") && description.contains(otherURL.absoluteString))
        #expect(!description.contains(Self.key))
    }

    @Test("opting in follows a cross-origin redirect without any credential", arguments: [
        (302, "GET"), (302, "POST"), (307, "GET"), (307, "POST"),
    ])
    func crossOriginFollowedWithoutCredentials(status: Int, method: String) async throws {
        let otherLog = RequestLog()
        let widget = try await withTwoOrigins(api: { _, other in
            .status(status, headers: ["Location": other.absoluteString + "/moved?keep=1&echo=\(Self.key)"])
        }, other: { request in
            _ = otherLog.record(request)
            return .json(widgetJSON)
        }) { api, _ in
            try await call(
                client(
                    api,
                    redirectPolicy: RedirectPolicy(crossOrigin: .followWithoutCredentials),
                    defaultHeaders: ["Cookie": "session=s3cr3t", "X-Trace-Secret": "t0ken", "X-Plain": "fine"],
                    redactedHeaderNames: ["x-trace-secret"]
                ),
                method
            )
        }
        #expect(widget.id == "w1")
        let received = try #require(otherLog.requests.first)
        #expect(otherLog.count == 1)
        for name in ["X-API-KEY", "Authorization", "Cookie", "X-Trace-Secret"] {
            #expect(received.header(name) == nil, "\(name) reached the other origin")
        }
        #expect(!received.headers.values.contains { $0.contains(Self.key) })
        #expect(received.header("X-Plain") == "fine")
        #expect(received.path == "/moved")
        #expect(received.query == "keep=1", "a query value holding the key is dropped")
        let keepsBody = status == 307 && method == "POST"
        #expect(received.method == (status == 307 ? method : "GET"))
        #expect(received.body.isEmpty == !keepsBody)
        if keepsBody {
            #expect(received.body.text.contains(#""name":"Widget""#))
        }
    }

    // MARK: Same origin

    @Test("a same-origin redirect is followed with the credential, 307 keeping method and body", arguments: TransportUnderTest.all, [
        (302, "GET"), (302, "POST"), (307, "GET"), (307, "POST"),
    ])
    func sameOriginFollowed(transport: TransportUnderTest, redirect: (status: Int, method: String)) async throws {
        let (status, method) = redirect
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            if log.record(request) == 1 {
                return .status(status, headers: ["Location": "/moved/w1"])
            }
            return .json(widgetJSON)
        }) { url in
            try await call(client(url, transport: transport), method)
        }
        #expect(widget.id == "w1")
        let requests = log.requests
        #expect(requests.count == 2)
        guard requests.count == 2 else { return }
        let (first, second) = (requests[0], requests[1])
        #expect(second.path == "/moved/w1")
        #expect(second.header("X-API-KEY") == Self.key)
        if status == 307 {
            #expect(second.method == method)
            #expect(second.body == first.body)
            #expect(second.header("Content-Type") == first.header("Content-Type"))
        } else {
            // 302 turns a POST into a GET without a body, as browsers do; a GET stays a GET.
            #expect(second.method == "GET")
            #expect(second.body.isEmpty)
            #expect(second.header("Content-Type") == nil)
        }
        if method == "POST" {
            #expect(first.body.text.contains(#""name":"Widget""#))
        }
    }

    @Test("303 turns a POST into a GET without a body", arguments: TransportUnderTest.all)
    func seeOther(transport: TransportUnderTest) async throws {
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            if log.record(request) == 1 {
                return .status(303, headers: ["Location": "/widgets/w1"])
            }
            return .json(widgetJSON)
        }) { url in
            try await client(url, transport: transport).create(Widget(id: "w1", name: "Widget"))
        }
        #expect(widget.id == "w1")
        let requests = log.requests
        #expect(requests.map(\.method) == ["POST", "GET"])
        #expect(requests.last?.body.isEmpty == true)
        #expect(requests.last?.header("Content-Type") == nil)
        #expect(requests.last?.header("X-API-KEY") == Self.key)
    }

    @Test("a relative Location is resolved against the request URL")
    func relativeLocation() async throws {
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            if log.record(request) == 1 {
                return .status(302, headers: ["Location": "w1-renamed?v=2"])
            }
            return .json(widgetJSON)
        }) { url in
            try await client(url).get(id: "w1")
        }
        #expect(widget.id == "w1")
        #expect(log.requests.map(\.path) == ["/widgets/w1", "/widgets/w1-renamed"])
        #expect(log.requests.last?.query == "v=2")
    }

    @Test("a redirect loop stops after the limit with a typed error", arguments: [10, 3])
    func loopCapped(maxRedirects: Int) async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .status(302, headers: ["Location": "/widgets/w1"])
        }) { url in
            await expectClientError { () async throws(TestError) in
                try await client(url, redirectPolicy: RedirectPolicy(maxRedirects: maxRedirects)).get(id: "w1")
            }
        }
        #expect(log.count == maxRedirects + 1)
        guard case .redirect(let failure) = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .tooManyRedirects)
        #expect(failure.redirectsFollowed == maxRedirects)
        #expect(failure.location.hasSuffix("/widgets/w1"))
    }

    // MARK: Logging

    @Test("the logger sees a followed redirect, with the credential redacted")
    func loggedFollowedRedirect() async throws {
        let recorder = LogRecorder()
        let log = RequestLog()
        _ = try await TestServer.run({ request in
            if log.record(request) == 1 {
                return .status(307, headers: ["Location": "/widgets/w2"])
            }
            return .json(widgetJSON)
        }) { url in
            try await client(url, logger: recorder.logger).get(id: "w1")
        }
        let events = recorder.events
        #expect(events.map(\.kind) == [.request, .response, .redirect, .request, .response])
        guard events.count == 5 else { return }
        let redirect = events[2]
        #expect(redirect.status == 307)
        #expect(redirect.request.url.hasSuffix("/widgets/w1"))
        #expect(redirect.redirectTarget?.url.hasSuffix("/widgets/w2") == true)
        #expect(redirect.redirectTarget?.method == .get)
        #expect(redirect.message.contains("307") && redirect.message.contains("/widgets/w2"))
        #expect(events[3].headers["X-API-KEY"] == "<redacted>")
        #expect(!events.contains { "\($0.headers)".contains(Self.key) || $0.message.contains(Self.key) })
    }

    @Test("the logger sees a refused redirect and the failure")
    func loggedRefusedRedirect() async throws {
        let recorder = LogRecorder()
        _ = try await withTwoOrigins(api: { _, other in
            .status(302, headers: ["Location": other.absoluteString + "/x"])
        }) { api, _ in
            await expectClientError { () async throws(TestError) in
                try await client(api, logger: recorder.logger).get(id: "w1")
            }
        }
        let events = recorder.events
        #expect(events.map(\.kind) == [.request, .response, .redirect, .failure])
        guard events.count == 4 else { return }
        #expect(events[2].status == 302)
        #expect(events[2].redirectTarget == nil)
        #expect(events[2].message.hasPrefix("Refused the HTTP 302 redirect"))
    }

    // MARK: Transport

    @Test("a transport returns a redirect instead of following it, on both paths", arguments: TransportUnderTest.all)
    func transportDoesNotFollow(transport: TransportUnderTest) async throws {
        let otherLog = RequestLog()
        let statuses = try await withTwoOrigins(api: { _, other in
            .status(302, headers: ["Location": other.absoluteString + "/x"])
        }, other: { request in
            _ = otherLog.record(request)
            return .json(widgetJSON)
        }) { api, _ in
            let request = HTTPRequest(method: .get, url: api.appendingPathComponent("start"), headers: ["X-API-KEY": Self.key])
            let sender = transport.make()
            return [
                try await sender.send(request, timeout: .seconds(30)).status,
                try await sender.stream(request, body: nil, timeout: .seconds(30)).status,
            ]
        }
        #expect(statuses == [302, 302])
        #expect(otherLog.count == 0)
    }

    @Test("URLSessionTransport returns a redirect instead of following it, also over a caller's session")
    func urlSessionDoesNotFollowOverACallersSession() async throws {
        let otherLog = RequestLog()
        let responses = try await withTwoOrigins(api: { _, other in
            .status(302, headers: ["Location": other.absoluteString + "/x"])
        }, other: { request in
            _ = otherLog.record(request)
            return .json(widgetJSON)
        }) { api, _ in
            let request = HTTPRequest(method: .get, url: api.appendingPathComponent("start"), headers: ["X-API-KEY": Self.key])
            return [
                try await URLSessionTransport.shared.send(request, timeout: .seconds(30)),
                try await URLSessionTransport(session: URLSession(configuration: .ephemeral)).send(request, timeout: .seconds(30)),
            ]
        }
        #expect(responses.map(\.status) == [302, 302])
        #expect(otherLog.count == 0)
    }
}
