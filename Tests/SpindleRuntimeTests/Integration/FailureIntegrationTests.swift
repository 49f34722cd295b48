import Foundation
import SpindleRuntime
import Testing

@Suite("Integration: failures, timeouts and cancellation")
struct FailureIntegrationTests {
    @Test("a connection dropped mid-response is a transport error marked as dropped", arguments: TransportUnderTest.all)
    func droppedConnection(transport: TransportUnderTest) async throws {
        let error = try await TestServer.run({ _ in
            ServerReply(status: 200, headers: ["Content-Type": "application/json"], body: Data(widgetJSON.utf8), dropAfterBytes: 8)
        }) { url in
            await expectClientError { () async throws(TestError) in try await integrationClient(url, transport: transport, maxRetries: 0).get(id: "w1") }
        }
        guard case .transport(let failure) = error else {
            Issue.record("Expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(failure.connectionDropped)
        #expect(failure.attempts == 1)
    }

    @Test("a GET whose connection dropped is retried and then succeeds", arguments: TransportUnderTest.all)
    func droppedThenRecovered(transport: TransportUnderTest) async throws {
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            let reply = ServerReply.json(widgetJSON)
            if log.record(request) == 1 {
                return ServerReply(status: 200, headers: reply.headers, body: reply.body, dropAfterBytes: 8)
            }
            return reply
        }) { url in
            try await integrationClient(url, transport: transport).get(id: "w1")
        }
        #expect(widget.id == "w1")
        #expect(log.count == 2)
    }

    @Test("a body that does not match the schema fails with the JSON path")
    func schemaMismatch() async throws {
        let body = #"{"data":[{"id":"w1","name":"A"},{"id":2,"name":"B"}]}"#
        let error = try await TestServer.run({ _ in .json(body) }) { url in
            await expectClientError { () async throws(TestError) in try await integrationClient(url).list() }
        }
        guard case .decoding(let failure) = error else {
            Issue.record("Expected a decoding error, got \(String(describing: error))")
            return
        }
        #expect(failure.path == "data[1].id")
        #expect(failure.status == 200)
        #expect(failure.rawBody.text == body)
    }

    @Test("syntactically malformed JSON is a decoding error at the root")
    func malformedJSON() async throws {
        let error = try await TestServer.run({ _ in .json(#"{"data":[{"id":"w1","#) }) { url in
            await expectClientError { () async throws(TestError) in try await integrationClient(url).list() }
        }
        guard case .decoding(let failure) = error else {
            Issue.record("Expected a decoding error, got \(String(describing: error))")
            return
        }
        #expect(failure.rawBody.text == #"{"data":[{"id":"w1","#)
    }

    @Test("a slow server hits the timeout", arguments: TransportUnderTest.all)
    func slowServer(transport: TransportUnderTest) async throws {
        let (error, callDuration) = try await TestServer.run({ _ in
            try await Task.sleep(for: .seconds(30))
            return .json(widgetJSON)
        }) { url in
            // Only the call is timed (not server start and stop), and the bound only has to show
            // that the 30 s reply was not awaited: the tests beside this one may starve it of CPU for
            // seconds on a 2-core machine (the memory probes run child processes).
            let start = ContinuousClock.now
            let error = await expectClientError { () async throws(TestError) in
                try await integrationClient(url, transport: transport, maxRetries: 0, timeout: .milliseconds(300)).get(id: "w1")
            }
            return (error, ContinuousClock.now - start)
        }
        guard case .timeout(let failure) = error else {
            Issue.record("Expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(failure.timeout == .milliseconds(300))
        #expect(callDuration < .seconds(20))
    }

    @Test("cancelling a call waiting on a slow server returns promptly", arguments: TransportUnderTest.all)
    func cancelSlowServer(transport: TransportUnderTest) async throws {
        let log = RequestLog()
        try await TestServer.run({ request in
            _ = log.record(request)
            try await Task.sleep(for: .seconds(3))
            return .json(widgetJSON)
        }) { url in
            let client = integrationClient(url, transport: transport)
            let task = Task { () async throws(TestError) -> Widget in try await client.get(id: "w1") }
            try await waitUntil { log.count == 1 }
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - start < .seconds(2.5))
            #expect(isCancelled(result.error))
        }
    }

    @Test("cancelling a call waiting out Retry-After returns promptly without another attempt")
    func cancelDuringBackoff() async throws {
        let log = RequestLog()
        try await TestServer.run({ request in
            _ = log.record(request)
            return .status(503, headers: ["Retry-After": "30"])
        }) { url in
            let client = integrationClient(url)
            let task = Task { () async throws(TestError) -> Widget in try await client.get(id: "w1") }
            try await waitUntil { log.count == 1 }
            try await Task.sleep(for: .milliseconds(100))
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - start < .seconds(2.5))
            #expect(isCancelled(result.error))
        }
        #expect(log.count == 1)
    }

    @Test("nothing listening: a connection failure", arguments: TransportUnderTest.all)
    func connectionRefused(transport: TransportUnderTest) async throws {
        // Take a free port from a server and stop it, so nothing listens there any more.
        let url = try await TestServer.run({ _ in .status(200) }) { $0 }
        let error = await expectClientError { () async throws(TestError) in
            try await integrationClient(url, transport: transport, maxRetries: 1).get(id: "w1")
        }
        guard case .transport(let failure) = error else {
            Issue.record("Expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(failure.kind == .connectionFailed)
        #expect(failure.attempts == 2)
    }
}
