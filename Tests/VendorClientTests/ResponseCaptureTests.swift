import Foundation
import SpindleRuntime
import Stigg
import Testing

/// `withHTTPResponse` gives the full response of a typed call: the escape hatch.
@Suite struct ResponseCaptureTests {
    @Test func capturesTheFinalResponseOfATypedCall() async throws {
        let body = try FixtureFiles.data("stigg", "customers-list-200.json")
        let transport = RecordingTransport(fallback: { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/json", "X-Request-Id": "req-1"], body: body)
        })
        var configuration = ClientConfiguration()
        configuration.transport = transport
        let stigg = StiggClient(apiKey: "key", configuration: configuration)
        let (page, response) = try await withHTTPResponse { () async throws(StiggError) in
            try await stigg.customers.list(limit: 1)
        }
        #expect(page.data.first?.id == "customer-6e24b4")
        #expect(response?.status == 200)
        #expect(response?.headers["x-request-id"] == "req-1")
        #expect(response?.body == body)
    }

    @Test func nothingIsCapturedOutsideTheScope() async throws {
        let (value, response) = await withHTTPResponse { () async -> Int in 42 }
        #expect(value == 42)
        #expect(response == nil)
    }
}
