import Foundation
import SpindleRuntime
import Stigg
import Testing

/// Stigg's documented error statuses, served over real HTTP, surface as typed `StiggError.api` values:
/// status, headers and raw bytes kept, the body decoded by status into its schema, `code` as the
/// error-code enum. 429 is retried, honouring `Retry-After`.
@Suite struct WireErrorTests {
    static let key = "sk_test_errors_93be"

    /// Sends `customers.list(limit: 10)` to a server that answers every request with `reply`, and returns
    /// the error, the requests and the delays the client slept.
    static func failingList(
        _ reply: WireReply, retryPolicy: RetryPolicy = RetryPolicy(maxRetries: 2)
    ) async throws -> (error: StiggError?, requests: [WireRequest], sleeps: [Duration]) {
        let sleeps = SleepLog()
        return try await WireServer.run(replying: reply) { url, log in
            let client = StiggClient(
                apiKey: Self.key, serverURL: url, configuration: wireConfiguration(retryPolicy: retryPolicy, sleeps: sleeps))
            var caught: StiggError?
            do throws(StiggError) {
                let page = try await client.customers.list(limit: 10)
                Issue.record("expected an error, got \(page.data.count) customers")
            } catch {
                caught = error
            }
            return (caught, await log.requests, await sleeps.delays)
        }
    }

    /// The fields every `.api` error must keep, checked against the fixture that was served.
    static func expectAPIError(
        _ error: StiggError?, status: Int, fixture: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> APIErrorResponse<StiggErrorBody> {
        guard case .api(let response)? = error else {
            Issue.record("expected StiggError.api, got \(String(describing: error))", sourceLocation: sourceLocation)
            throw WireServerError(description: "not an API error")
        }
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(error?.status == status, sourceLocation: sourceLocation)
        #expect(response.rawBody == (try FixtureFiles.data("stigg", fixture)), sourceLocation: sourceLocation)
        #expect(response.headers["content-type"] == "application/json", sourceLocation: sourceLocation)
        #expect(response.request.method == .get, sourceLocation: sourceLocation)
        #expect(response.request.url.hasSuffix("/api/v1/customers?limit=10"), sourceLocation: sourceLocation)
        return response
    }

    @Test func badRequestIsBadInputErrorResponse() async throws {
        let result = try await Self.failingList(try WirePayloads.fixture("stigg", "error-400.json", status: 400))
        let response = try Self.expectAPIError(result.error, status: 400, fixture: "error-400.json")
        guard case .badInputErrorResponse(let body)? = response.body else {
            Issue.record("decoded \(String(describing: response.body))")
            return
        }
        #expect(body.code == .badUserInput)
        #expect(body.code?.isKnown == true)
        #expect(body.message == "limit must not be greater than 100")
        #expect(result.requests.count == 1, "400 is not retried")
        #expect(result.sleeps.isEmpty)
    }

    @Test func unauthorizedIsUnauthenticatedErrorResponse() async throws {
        let result = try await Self.failingList(try WirePayloads.fixture("stigg", "error-401.json", status: 401))
        let response = try Self.expectAPIError(result.error, status: 401, fixture: "error-401.json")
        guard case .unauthenticatedErrorResponse(let body)? = response.body else {
            Issue.record("decoded \(String(describing: response.body))")
            return
        }
        #expect(body.code == .unauthenticated)
        #expect(body.message == "Unauthenticated")
        #expect(result.requests.count == 1, "401 is not retried")
    }

    @Test func forbiddenIsForbiddenErrorResponse() async throws {
        let result = try await Self.failingList(try WirePayloads.fixture("stigg", "error-403.json", status: 403))
        let response = try Self.expectAPIError(result.error, status: 403, fixture: "error-403.json")
        guard case .forbiddenErrorResponse(let body)? = response.body else {
            Issue.record("decoded \(String(describing: response.body))")
            return
        }
        #expect(body.code == .accessDeniedError)
        #expect(body.message == "Access denied")
        #expect(result.requests.count == 1, "403 is not retried")
    }

    /// A 429 that never clears: 1 attempt + 2 retries, each after the server's `Retry-After`, then the
    /// typed error with the rate-limit body and the response headers.
    @Test func persistentTooManyRequests() async throws {
        let reply = try WirePayloads.fixture(
            "stigg", "error-429.json", status: 429, headers: ["Retry-After": "1", "x-request-id": "req-429"])
        let result = try await Self.failingList(reply)
        let response = try Self.expectAPIError(result.error, status: 429, fixture: "error-429.json")
        guard case .tooManyRequestsErrorResponse(let body)? = response.body else {
            Issue.record("decoded \(String(describing: response.body))")
            return
        }
        #expect(body.code == .rateLimitExceeded)
        #expect(response.headers["retry-after"] == "1")
        #expect(response.requestID == "req-429")
        #expect(result.requests.count == 3)
        #expect(result.requests.allSatisfy { $0.line == "GET /api/v1/customers?limit=10" })
        #expect(result.sleeps == [.seconds(1), .seconds(1)], "Retry-After replaces the computed backoff")
    }

    /// 429 with `Retry-After: 0`, then success: retried with real (zero-length) sleeps.
    @Test func tooManyRequestsRetriedThenSucceeds() async throws {
        let limited = try WirePayloads.fixture("stigg", "error-429.json", status: 429, headers: ["Retry-After": "0"])
        let success = try WirePayloads.fixture("stigg", "customers-list-200.json")
        let (ids, requests) = try await WireServer.run({ _, index in index < 2 ? limited : success }) { url, log in
            var configuration = wireConfiguration(retryPolicy: RetryPolicy(maxRetries: 2))
            configuration.sleep = { try await Task.sleep(for: $0) }
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: configuration)
            let page = try await client.customers.list(limit: 10)
            return (page.data.map(\.id), await log.requests)
        }
        #expect(ids == ["customer-6e24b4"])
        #expect(requests.count == 3, "two 429s, then 200")
        #expect(requests.allSatisfy { $0.line == "GET /api/v1/customers?limit=10" && $0.header("X-API-KEY") == Self.key })
    }

    /// `Retry-After: 1` is honoured as the delay (recorded, not slept) and the retry succeeds.
    @Test func tooManyRequestsRetryAfterOneSecond() async throws {
        let limited = try WirePayloads.fixture("stigg", "error-429.json", status: 429, headers: ["Retry-After": "1"])
        let success = try WirePayloads.fixture("stigg", "customers-list-200.json")
        let sleeps = SleepLog()
        let (id, count) = try await WireServer.run({ _, index in index == 0 ? limited : success }) { url, log in
            let client = StiggClient(
                apiKey: Self.key, serverURL: url,
                configuration: wireConfiguration(retryPolicy: RetryPolicy(maxRetries: 2), sleeps: sleeps))
            let page = try await client.customers.list(limit: 10)
            return (page.data.first?.id, await log.requests.count)
        }
        #expect(id == "customer-6e24b4")
        #expect(count == 2)
        #expect(await sleeps.delays == [.seconds(1)])
    }

    /// With retries off, the 429 surfaces at once.
    @Test func tooManyRequestsWithoutRetries() async throws {
        let reply = try WirePayloads.fixture("stigg", "error-429.json", status: 429, headers: ["Retry-After": "0"])
        let result = try await Self.failingList(reply, retryPolicy: .never)
        _ = try Self.expectAPIError(result.error, status: 429, fixture: "error-429.json")
        #expect(result.requests.count == 1)
        #expect(result.sleeps.isEmpty)
    }

    /// A documented status whose body is not the documented shape: still `.api`, body `nil`, bytes kept.
    @Test func undecodableErrorBodyKeepsRawBytes() async throws {
        let raw = "<html>upstream error</html>"
        let result = try await Self.failingList(WireReply(status: 400, headers: ["Content-Type": "text/html"], body: Data(raw.utf8)))
        guard case .api(let response)? = result.error else {
            Issue.record("expected .api, got \(String(describing: result.error))")
            return
        }
        #expect(response.status == 400)
        #expect(response.body == nil)
        #expect(String(decoding: response.rawBody, as: UTF8.self) == raw)
        #expect(response.bodyPreview == raw)
    }
}
