import Foundation
import SpindleRuntime
import Testing

/// Timeouts and cancellation against transports that misbehave, without a network.
@Suite("Timeouts and cancellation")
struct DeadlineTests {
    /// Sleeps without honouring cancellation, like a stuck socket read.
    struct StuckTransport: HTTPTransport {
        let seconds: Double
        func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
            }
            return HTTPResponse(status: 200, body: Data("{}".utf8))
        }
    }

    private func widgets(_ transport: any HTTPTransport, timeout: Duration?, retries: Int = 0) -> WidgetClient {
        WidgetClient(
            apiKey: "test-key",
            serverURL: URL(string: "https://api.example.com")!,
            configuration: ClientConfiguration(
                transport: transport,
                retryPolicy: RetryPolicy(maxRetries: retries, initialDelay: .seconds(30)),
                timeout: timeout
            )
        )
    }

    @Test("an attempt over the timeout fails with .timeout even if the transport ignores it")
    func timeout() async {
        let start = ContinuousClock.now
        let error = await expectClientError { () async throws(TestError) in
            try await widgets(StuckTransport(seconds: 30), timeout: .milliseconds(100)).get(id: "x")
        }
        guard case .timeout(let failure) = error else {
            Issue.record("Expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(failure.timeout == .milliseconds(100))
        #expect(ContinuousClock.now - start < .seconds(25))  // below the stuck 30 s, with room for a starved machine
    }

    @Test("the per-request timeout overrides the client's")
    func perRequestTimeout() async {
        let error = await expectClientError { () async throws(TestError) in
            try await widgets(StuckTransport(seconds: 30), timeout: .seconds(60))
                .get(id: "x", options: RequestOptions(timeout: .milliseconds(50)))
        }
        #expect(error.map { if case .timeout = $0 { true } else { false } } == true)
    }

    @Test("cancelling a task stuck in the transport returns .cancelled at once")
    func cancelInTransport() async {
        let client = widgets(StuckTransport(seconds: 30), timeout: nil)
        let task = Task { () async throws(TestError) -> Widget in try await client.get(id: "x") }
        try? await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(isCancelled(result.error))
    }

    @Test("cancelling a task waiting in backoff returns .cancelled at once")
    func cancelInBackoff() async throws {
        let transport = RecordingTransport(status: 503)
        let client = widgets(transport, timeout: nil, retries: 2)
        let task = Task { () async throws(TestError) -> Widget in try await client.get(id: "x") }
        try await waitUntil { !transport.requests.isEmpty }
        try? await Task.sleep(for: .milliseconds(20))
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(isCancelled(result.error))
        #expect(transport.requests.count == 1)
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
