import Foundation
import SpindleRuntime
import Stigg
import Testing

/// The Stigg client answered per operation by a `StubTransport`, as an app's unit tests would: pages chosen
/// by the cursor in the query, a path parameter, typed error bodies by status, the API key sent.
@Suite struct StubbedClientTests {
    private typealias Operations = StiggClient.Operations

    private static func customer(_ id: String) -> Customer {
        Customer(
            createdAt: Date(timeIntervalSince1970: 1_700_000_000),
            updatedAt: Date(timeIntervalSince1970: 1_700_000_060), id: id)
    }

    private func stigg(_ stubs: StubTransport) -> StiggClient {
        StiggClient(apiKey: "sk_test_stub", configuration: ClientConfiguration(transport: stubs, retryPolicy: .never))
    }

    @Test func everyPageIsAnsweredByItsCursor() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.customers.list) { request in
            switch request.query("after") {
            case nil:
                CustomerListResponse(data: [Self.customer("c1"), Self.customer("c2")], pagination: .init(next: "p2"))
            case "p2": CustomerListResponse(data: [Self.customer("c3")], pagination: .init())
            case let cursor?: throw TransportError(kind: .other, message: "unexpected cursor \(cursor)")
            }
        }
        var ids: [String] = []
        for try await customer in stigg(stubs).customers.listAll(limit: 2) { ids.append(customer.id) }
        #expect(ids == ["c1", "c2", "c3"])
        let requests = stubs.requests(for: Operations.customers.list)
        #expect(requests.map { $0.query("limit") } == ["2", "2"])
        #expect(requests.allSatisfy { $0.header("X-API-KEY") == "sk_test_stub" })
        #expect(Operations.customers.list.description == "customers.list (GET /api/v1/customers)")
    }

    @Test func theHandlerReadsThePathParameter() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.customers.integrations.list) { request in
            CustomerIntegrationListResponse(
                data: [CustomerIntegration(id: "i-\(request.pathParameters["id"] ?? "")", vendorIdentifier: .stripe)],
                pagination: .init())
        }
        let page = try await stigg(stubs).customers.integrations.list(id: "cus 7")
        #expect(page.data.map(\.id) == ["i-cus 7"])
        #expect(stubs.requests.first?.request.url.path == "/api/v1/customers/cus 7/integrations")
    }

    @Test(arguments: [401, 429])
    func aTypedErrorBodyComesBackDecodedForItsStatus(status: Int) async throws {
        let body: StiggErrorBody =
            status == 401
            ? .unauthenticatedErrorResponse(UnauthenticatedErrorResponse(message: "bad key"))
            : .tooManyRequestsErrorResponse(TooManyRequestsErrorResponse(message: "slow down"))
        let stubs = StubTransport()
        stubs.answer(Operations.customers.list, status: status, error: body)
        do throws(StiggError) {
            _ = try await stigg(stubs).customers.list()
            Issue.record("expected an API error")
        } catch {
            guard case .api(let response) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(response.status == status)
            #expect(response.body == body)
        }
    }
}
