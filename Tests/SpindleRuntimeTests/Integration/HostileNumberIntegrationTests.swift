import Foundation
import SpindleRuntime
import Testing

/// Numbers a server controls must never trap the client, over real HTTP.
@Suite("Integration: hostile numbers")
struct HostileNumberIntegrationTests {
    @Test("a Retry-After too large for Duration falls back to the backoff", arguments: [
        ["Retry-After": "1e300"], ["Retry-After": "99999999999999999999999"], ["retry-after-ms": "1e308"],
        ["Retry-After": "-1e300"], ["retry-after-ms": "NaN"],
    ])
    func hugeRetryAfter(headers: [String: String]) async throws {
        let log = RequestLog()
        let widget = try await TestServer.run({ request in
            log.record(request) == 1 ? .status(503, headers: headers) : .json(widgetJSON)
        }) { url in
            try await integrationClient(url).get(id: "w1")
        }
        #expect(widget == Widget(id: "w1", name: "Widget"))
        #expect(log.count == 2)
    }
}
