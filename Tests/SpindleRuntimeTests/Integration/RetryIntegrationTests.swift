import Foundation
import SpindleRuntime
import Testing

@Suite("Integration: retries")
struct RetryIntegrationTests {
    @Test("429 then 200 succeeds, honouring Retry-After: 0")
    func rateLimitedThenOK() async throws {
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            log.record(request) == 1
                ? .json(#"{"error":"slow down"}"#, status: 429, headers: ["Retry-After": "0"])
                : .json(widgetJSON)
        }) { url in
            try await integrationClient(url).get(id: "w1")
        }
        #expect(widget == Widget(id: "w1", name: "Widget"))
        #expect(log.count == 2)
        #expect(log.requests.allSatisfy { $0.header("X-API-KEY") == "test-key" })
    }

    @Test("Retry-After: 1 makes the client wait about a second")
    func retryAfterSeconds() async throws {
        let log = RequestLog()
        let start = ContinuousClock.now
        _ = try await TestServer.run({ request in
            log.record(request) == 1 ? .status(503, headers: ["Retry-After": "1"]) : .json(widgetJSON)
        }) { url in
            try await integrationClient(url).get(id: "w1")
        }
        let elapsed = ContinuousClock.now - start
        #expect(log.count == 2)
        // The lower bound is the point (the wait happened); the upper one only catches a hang.
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(30))
    }

    @Test("retry-after-ms is honoured and wins over Retry-After")
    func retryAfterMilliseconds() async throws {
        let log = RequestLog()
        let start = ContinuousClock.now
        _ = try await TestServer.run({ request in
            log.record(request) <= 2 ? .status(503, headers: ["retry-after-ms": "10", "Retry-After": "30"]) : .json(widgetJSON)
        }) { url in
            try await integrationClient(url).get(id: "w1")
        }
        #expect(log.count == 3)
        // Honouring `Retry-After: 30` instead would take a minute; the margin absorbs loaded CI machines.
        #expect(ContinuousClock.now - start < .seconds(45))
    }

    @Test("POST with an idempotency key is retried on 503 with the same key")
    func postWithKey() async throws {
        let log = RequestLog()
        let created = try await TestServer.run({ request in
            log.record(request) == 1 ? .status(503) : .json(request.body.text, status: 201)
        }) { url in
            try await integrationClient(url).create(Widget(id: "w9", name: "New"), options: RequestOptions(idempotencyKey: "idem-42"))
        }
        #expect(created == Widget(id: "w9", name: "New"))
        #expect(log.requests.map { $0.header("Idempotency-Key") } == ["idem-42", "idem-42"])
        #expect(log.requests.allSatisfy { $0.body.text == #"{"id":"w9","name":"New"}"# })
    }

    @Test("POST without an idempotency key is not retried on 503")
    func postWithoutKey() async throws {
        let log = RequestLog()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .json(#"{"error":"unavailable"}"#, status: 503)
        }) { url in
            await expectClientError { () async throws(TestError) in
                try await integrationClient(url).create(Widget(id: "w9", name: "New"))
            }
        }
        #expect(log.count == 1)
        #expect(error?.status == 503)
        #expect(error?.errorBody == .problem(.init(error: "unavailable")))
        #expect(error?.description.contains("HTTP 503 from POST http://127.0.0.1:") == true)
    }

    @Test("a failing server exhausts the retries and reports the last response")
    func exhausted() async throws {
        let log = RequestLog()
        let logs = LogRecorder()
        let error = try await TestServer.run({ request in
            _ = log.record(request)
            return .json(#"{"error":"boom"}"#, status: 500)
        }) { url in
            await expectClientError { () async throws(TestError) in try await integrationClient(url, logger: logs.logger).get(id: "x") }
        }
        #expect(log.count == 3)
        #expect(error?.status == 500)
        #expect(logs.events.filter { $0.kind == .retry }.count == 2)
    }
}
