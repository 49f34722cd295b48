import Foundation
import SpindleRuntime
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("exponential backoff doubles from 0.5 s and is capped at 8 s")
    func backoff() {
        let policy = RetryPolicy.default
        let delays = (1...6).map { policy.backoffDelay(beforeRetry: $0, random: 0) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
    }

    @Test("jitter removes up to 25 %")
    func jitter() {
        #expect(RetryPolicy.default.backoffDelay(beforeRetry: 3, random: 0.999_999) > .milliseconds(1500))
        #expect(RetryPolicy.default.backoffDelay(beforeRetry: 3, random: 0.5) == .milliseconds(1750))
        #expect(RetryPolicy(jitter: 0).backoffDelay(beforeRetry: 3, random: 0.9) == .seconds(2))
    }

    /// Runs a call against canned replies and reports how many attempts were made and the sleeps requested.
    private func run(
        method: HTTPMethod = .get,
        replies: [RecordingTransport.Reply],
        options: RequestOptions = .init()
    ) async -> (attempts: Int, delays: [Duration], error: TestError?, requests: [HTTPRequest]) {
        let transport = RecordingTransport(replies: replies, fallback: { _ in .json("{}") })
        let sleeps = SleepRecorder()
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, sleeps: sleeps)
        )
        let error = await expectClientError { () async throws(TestError) in
            try await client.send(HTTPRequestBuilder(method: method, path: "/x"), options: options, errors: TestErrorBody.decode)
        }
        return (transport.requests.count, sleeps.delays, error, transport.requests)
    }

    @Test("retryable statuses for GET", arguments: [408, 409, 429, 500, 502, 503, 504])
    func retryableStatus(status: Int) async {
        let result = await run(replies: [.response(HTTPResponse(status: status))])
        #expect(result.attempts == 2)
        #expect(result.error == nil)
    }

    @Test("other statuses are final", arguments: [400, 401, 403, 404, 422])
    func finalStatus(status: Int) async {
        let result = await run(replies: [.response(HTTPResponse(status: status))])
        #expect(result.attempts == 1)
        #expect(result.error?.status == status)
    }

    @Test("three attempts by default, then the last response becomes the error")
    func exhausted() async {
        let reply = RecordingTransport.Reply.response(.json(#"{"error":"busy"}"#, status: 503))
        let result = await run(replies: [reply, reply, reply, reply])
        #expect(result.attempts == 3)
        #expect(result.delays == [.milliseconds(500), .seconds(1)])
        #expect(result.error?.errorBody == .problem(.init(error: "busy")))
    }

    @Test("POST is retried on 5xx only with an idempotency key, which stays the same")
    func postIdempotency() async {
        let withoutKey = await run(method: .post, replies: [.response(HTTPResponse(status: 503))])
        #expect(withoutKey.attempts == 1)
        let withKey = await run(
            method: .post,
            replies: [.response(HTTPResponse(status: 503)), .response(HTTPResponse(status: 500))],
            options: RequestOptions(idempotencyKey: "key-1")
        )
        #expect(withKey.attempts == 3)
        #expect(withKey.requests.map { $0.headers["Idempotency-Key"] } == ["key-1", "key-1", "key-1"])
    }

    @Test("automatic idempotency keys make POST retryable with one key for all attempts")
    func automaticKeys() async throws {
        let transport = RecordingTransport(replies: [.response(HTTPResponse(status: 503))], fallback: { _ in .json("{}") })
        var configuration = instantConfiguration(transport: transport)
        configuration.automaticIdempotencyKeys = true
        let client = APIClient(serverURL: URL(string: "https://api.example.com")!, configuration: configuration)
        let _: JSONValue = try await client.send(HTTPRequestBuilder(method: .post, path: "/x"), errors: TestErrorBody.decode)
        let _: JSONValue = try await client.send(HTTPRequestBuilder(method: .get, path: "/x"), errors: TestErrorBody.decode)
        let keys = transport.requests.map { $0.headers["Idempotency-Key"] }
        #expect(keys.count == 3)
        #expect(keys[0] != nil && keys[0] == keys[1])
        #expect(keys[0]?.hasPrefix("spindle-retry-") == true)
        #expect(keys[2] == nil)
    }

    @Test("POST is always retried on 429 and when the connection could not be made")
    func postAlwaysRetryable() async {
        let limited = await run(method: .post, replies: [.response(HTTPResponse(status: 429))])
        #expect(limited.attempts == 2)
        let refused = await run(method: .post, replies: [.failure(TransportError(kind: .connectionFailed, message: "refused"))])
        #expect(refused.attempts == 2)
        let dropped = await run(method: .post, replies: [.failure(TransportError(kind: .connectionDropped, message: "reset"))])
        #expect(dropped.attempts == 1)
        #expect(dropped.error.map { if case .transport(let failure) = $0 { failure.connectionDropped } else { false } } == true)
    }

    @Test("Retry-After in seconds, as an HTTP date, and retry-after-ms")
    func retryAfter() async {
        let seconds = await run(replies: [.response(HTTPResponse(status: 429, headers: ["Retry-After": "3"]))])
        #expect(seconds.delays == [.seconds(3)])
        let milliseconds = await run(replies: [.response(HTTPResponse(
            status: 503, headers: ["retry-after-ms": "10", "Retry-After": "5"]
        ))])
        #expect(milliseconds.delays == [.milliseconds(10)])
        let future = Date().addingTimeInterval(30)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = await run(replies: [.response(HTTPResponse(status: 503, headers: ["Retry-After": formatter.string(from: future)]))])
        #expect(date.delays.count == 1)
        let delay = date.delays.first ?? .zero
        #expect(delay > .seconds(25) && delay <= .seconds(31))
    }

    @Test("Retry-After beyond the cap falls back to backoff")
    func retryAfterCap() async {
        let result = await run(replies: [.response(HTTPResponse(status: 429, headers: ["Retry-After": "3600"]))])
        #expect(result.delays == [.milliseconds(500)])
    }

    @Test("x-should-retry overrides the status")
    func shouldRetryHeader() async {
        let forced = await run(replies: [.response(HTTPResponse(status: 400, headers: ["x-should-retry": "true"]))])
        #expect(forced.attempts == 2)
        let forbidden = await run(replies: [.response(HTTPResponse(status: 503, headers: ["x-should-retry": "false"]))])
        #expect(forbidden.attempts == 1)
    }

    @Test("per-request maxRetries overrides the client's policy")
    func perRequest() async {
        let reply = RecordingTransport.Reply.response(HTTPResponse(status: 500))
        let none = await run(replies: [reply], options: RequestOptions(maxRetries: 0))
        #expect(none.attempts == 1)
        let more = await run(replies: [reply, reply, reply, reply], options: RequestOptions(maxRetries: 4))
        #expect(more.attempts == 5)
    }
}
