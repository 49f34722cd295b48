import Foundation
import SpindleRuntime
import Testing

@Suite("APIClient")
struct APIClientTests {
    private func client(_ transport: RecordingTransport, configure: (inout ClientConfiguration) -> Void = { _ in }) -> WidgetClient {
        var configuration = instantConfiguration(transport: transport)
        configure(&configuration)
        return WidgetClient(apiKey: "key", serverURL: URL(string: "https://api.example.com/v1")!, configuration: configuration)
    }

    @Test("a 2xx body decodes into the response type and the request carries defaults")
    func decodesSuccess() async throws {
        let transport = RecordingTransport(replies: [.response(.json(#"{"id":"w1","name":"Widget"}"#))])
        let widget = try await client(transport) { $0.defaultHeaders = ["User-Agent": "spindle-tests", "Accept": "text/plain"] }
            .get(id: "w 1")
        #expect(widget == Widget(id: "w1", name: "Widget"))
        let request = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url.absoluteString == "https://api.example.com/v1/widgets/w%201")
        #expect(request.headers["User-Agent"] == "spindle-tests")
        #expect(request.headers["Accept"] == "text/plain")
        #expect(request.headers["X-API-KEY"] == "key")
    }

    @Test("malformed bodies fail with the JSON path, status and raw bytes")
    func decodingPath() async throws {
        let body = #"{"data":[{"id":"w1","name":"A"},{"id":"w2","name":7}],"next":null}"#
        let transport = RecordingTransport(replies: [.response(.json(body))])
        let error = await expectClientError { () async throws(TestError) in try await client(transport).list() }
        guard case .decoding(let failure) = error else {
            Issue.record("Expected a decoding error, got \(String(describing: error))")
            return
        }
        #expect(failure.path == "data[1].name")
        #expect(failure.status == 200)
        #expect(failure.rawBody.text == body)
        #expect(failure.description.contains("at data[1].name"))
    }

    @Test("missing keys name the key in the path")
    func missingKey() async {
        let transport = RecordingTransport(replies: [.response(.json(#"{"data":[{"id":"w1"}]}"#))])
        let error = await expectClientError { () async throws(TestError) in try await client(transport).list() }
        guard case .decoding(let failure) = error else {
            Issue.record("Expected a decoding error, got \(String(describing: error))")
            return
        }
        #expect(failure.path == "data[0].name")
    }

    @Test("Void operations ignore the body; errors still surface")
    func voidSend() async throws {
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 204)), .response(.json(#"{"error":"gone"}"#, status: 404))])
        let widgets = client(transport)
        try await widgets.delete(id: "a")
        let error = await expectClientError { () async throws(TestError) in try await widgets.delete(id: "b") }
        #expect(error?.status == 404)
        #expect(error?.errorBody == .problem(.init(error: "gone")))
        #expect(transport.requests.map(\.method) == [.delete, .delete])
    }

    @Test("raw access: response with value, Data and JSONValue responses, sendRaw for any status")
    func rawAccess() async throws {
        let transport = RecordingTransport(replies: [
            .response(.json(#"{"id":"w1","name":"A"}"#, headers: ["X-Request-Id": "r1"])),
            .response(.json(#"{"b":1,"a":2}"#)),
            .response(.json(#"{"b":1,"a":2}"#)),
            .response(HTTPResponse(status: 418, body: Data("teapot".utf8))),
        ])
        let api = client(transport).client
        let request = HTTPRequestBuilder(method: .get, path: "/x")
        let (widget, response): (Widget, HTTPResponse) = try await api.sendReturningResponse(request, errors: TestErrorBody.decode)
        #expect(widget.id == "w1")
        #expect(response.headers["x-request-id"] == "r1")
        let data: Data = try await api.send(request, errors: TestErrorBody.decode)
        #expect(data.text == #"{"b":1,"a":2}"#)
        let json: JSONValue = try await api.send(request, errors: TestErrorBody.decode)
        #expect(json.objectValue?.keys == ["b", "a"])
        let raw = try await api.sendRaw(request)
        #expect(raw.status == 418)
        #expect(raw.bodyText == "teapot")
    }

    @Test("middlewares wrap every attempt, first outermost")
    func middlewares() async throws {
        struct Tagging: ClientMiddleware {
            let tag: String
            func intercept(
                _ request: HTTPRequest,
                next: @Sendable (HTTPRequest) async throws -> HTTPResponse
            ) async throws -> HTTPResponse {
                var request = request
                request.headers.add("X-Trace", tag)
                var response = try await next(request)
                response.headers.add("X-Seen", tag)
                return response
            }
        }
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 500))], fallback: { _ in .json("{}") })
        let api = client(transport) { $0.middlewares = [Tagging(tag: "outer"), Tagging(tag: "inner")] }.client
        let response = try await api.sendRaw(HTTPRequestBuilder(method: .get, path: "/"))
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.headers.values(for: "X-Trace") == ["outer", "inner"] })
        #expect(response.headers.values(for: "X-Seen") == ["inner", "outer"])
    }

    @Test("logger sees request, response, retry and failure events")
    func logging() async {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 503)), .response(HTTPResponse(status: 404))])
        let widgets = client(transport) { $0.logger = logs.logger }
        _ = await expectClientError { () async throws(TestError) in try await widgets.get(id: "x") }
        #expect(logs.events.map(\.kind) == [.request, .response, .retry, .request, .response, .failure])
        #expect(logs.events.map(\.attempt) == [1, 1, 1, 2, 2, 2])
        #expect(logs.events[2].delay == .milliseconds(500))
    }

    @Test("log events carry the operation, each round trip's duration and the time since the call began")
    func loggedOperationAndDurations() async {
        let logs = LogRecorder()
        let transport = RecordingTransport { _ in
            try await Task.sleep(for: .milliseconds(50))
            return HTTPResponse(status: 503)
        }
        let api = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, retryPolicy: RetryPolicy(maxRetries: 1), logger: logs.logger)
        )
        _ = try? await api.send(HTTPRequestBuilder(method: .get, path: "/widgets", operation: "widgets.list"), errors: { _ in nil as Never? })
        let events = logs.events
        #expect(events.map(\.kind) == [.request, .response, .retry, .request, .response, .failure])
        #expect(events.allSatisfy { $0.operation == "widgets.list" })
        #expect(events.filter { $0.kind == .request }.allSatisfy { $0.duration == nil })
        let responses = events.filter { $0.kind == .response }.compactMap(\.duration)
        #expect(responses.count == 2 && responses.allSatisfy { $0 >= .milliseconds(50) })
        // The failure counts both round trips, where a response counts only its own.
        let failure = events.last?.duration ?? .zero
        #expect(failure >= .milliseconds(100) && failure >= responses.reduce(.zero, +))

        let unnamed = LogRecorder()
        let widgets = client(RecordingTransport(status: 200, body: widgetJSON)) { $0.logger = unnamed.logger }
        _ = try? await widgets.get(id: "w1")
        #expect(unnamed.events.allSatisfy { $0.operation == nil })
    }

    @Test("an encoding failure is reported before anything is sent")
    func encodingFailure() async {
        let transport = RecordingTransport(status: 200, body: #"{"id":"x","name":"y"}"#)
        let error = await expectClientError { () async throws(TestError) in
            _ = try await client(transport).create(Widget(id: "x", name: "y"))
            var request = HTTPRequestBuilder(method: .get, path: "/{missing}")
            request.addQuery("a", 1)
            try await client(transport).client.send(request, errors: TestErrorBody.decode)
        }
        guard case .encoding(let failure) = error else {
            Issue.record("Expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("{missing}"))
        #expect(transport.requests.count == 1)
    }

    @Test("an impossible status is an invalid response")
    func invalidStatus() async {
        let transport = RecordingTransport(status: 42)
        let error = await expectClientError { () async throws(TestError) in try await client(transport).get(id: "x") }
        guard case .invalidResponse(let failure) = error else {
            Issue.record("Expected an invalid response, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("42"))
        #expect(error?.localizedDescription.contains("Invalid response to GET https://api.example.com/v1/widgets/x") == true)
    }

    @Test("additional headers and query items from RequestOptions")
    func additional() async throws {
        let transport = RecordingTransport(replies: [.response(.json(#"{"data":[]}"#))])
        _ = try await client(transport).list(
            limit: 5,
            options: RequestOptions(additionalHeaders: ["x-api-version": "3"], additionalQuery: [("beta", "on")])
        )
        let request = try #require(transport.requests.first)
        #expect(request.url.query == "limit=5&beta=on")
        #expect(request.headers["x-api-version"] == "3")
    }
}
