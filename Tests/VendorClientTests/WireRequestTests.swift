import Autumn
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// What the generated clients put on the wire, as a real HTTP server on 127.0.0.1 receives it: method,
/// raw path and query text, headers and body, compared literally with what the vendors' docs describe.
@Suite struct WireRequestTests {
    static let key = "sk_test_wire_7f3a9c"

    // MARK: Stigg

    /// Stigg "Get a list of customer integrations": `vendorIdentifier` is declared `style: form,
    /// explode: false`, so the array is one comma-separated value, exactly as the parameter's description
    /// shows (`STRIPE,HUBSPOT`). The API key goes in `X-API-KEY` (scheme `ApiKeyAuth`).
    @Test func stiggIntegrationsList() async throws {
        let reply = WirePayloads.stiggIntegrations(ids: ["int-1"], vendor: "HUBSPOT", next: nil)
        let (page, requests) = try await WireServer.run(replying: reply) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            let page = try await client.customers.integrations.list(
                id: "customer-1", limit: 50, vendorIdentifier: [.stripe, .hubspot])
            return (page, await log.requests)
        }
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.line == "GET /api/v1/customers/customer-1/integrations?limit=50&vendorIdentifier=STRIPE,HUBSPOT")
        #expect(request.header("X-API-KEY") == Self.key)
        #expect(request.header("Authorization") == nil)
        #expect(request.header("Accept") == "application/json")
        #expect(request.body.isEmpty)
        #expect(page.data.map(\.id) == ["int-1"])
        #expect(page.data.first?.vendorIdentifier == .hubspot)
        #expect(page.pagination.next == nil)
    }

    /// Stigg "Get a list of customers" with the README's call, the optional header parameters, and a
    /// path parameter that needs percent-encoding.
    @Test func stiggCustomersListAndHeaders() async throws {
        let customers = try WirePayloads.fixture("stigg", "customers-list-200.json")
        let integrations = WirePayloads.stiggIntegrations(ids: ["int-1"], next: nil)
        let requests = try await WireServer.run({ request, _ in
            request.path == "/api/v1/customers" ? customers : integrations
        }) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            let page = try await client.customers.list(
                limit: 50, email: "a@b.c", name: "John Doe", xAccountId: "acc-1", xEnvironmentId: "env-1")
            #expect(page.data.first?.id == "customer-6e24b4")
            #expect(page.pagination.next == "c9b0a382-5b7d-4d32-9f62-8c4e1a7b3d9f")
            _ = try await client.customers.integrations.list(id: "a/b c")
            return await log.requests
        }
        #expect(requests.map(\.line) == [
            "GET /api/v1/customers?limit=50&email=a@b.c&name=John%20Doe",
            // Path parameters are percent-encoded as a single segment: `/` must not split the id.
            "GET /api/v1/customers/a%2Fb%20c/integrations",
        ])
        #expect(requests.first?.header("X-API-KEY") == Self.key)
        #expect(requests.first?.header("X-ACCOUNT-ID") == "acc-1")
        #expect(requests.first?.header("X-ENVIRONMENT-ID") == "env-1")
        #expect(requests.last?.header("X-ACCOUNT-ID") == nil)
    }

    /// The `createdAt` object filter of `GET /api/v1/customers`.
    ///
    /// Stigg's spec declares no `style`/`explode` for it, so OpenAPI's defaults for query parameters would
    /// apply: `style: form, explode: true`, under which an object's properties become separate pairs and the
    /// parameter name disappears, `gt=...&lt=...` (OpenAPI 3.0.3 §4.7.12.4, `R=100&G=200&B=150`), which
    /// would collide with any other parameter named `gt`/`lt`. `specs/stigg/spindle.yaml` overrides it to
    /// `style: deepObject`, matching what Stigg's Stainless SDKs send (`createdAt[gt]=...`, qs brackets), so
    /// today the client sends `createdAt[gt]`/`createdAt[lt]` with the brackets percent-encoded (as the
    /// runtime's `QueryStyle.deepObject` documents; servers decode before parsing brackets). Dates are
    /// RFC 3339 UTC with milliseconds; `:` may stay literal in a query. Unset properties are left out.
    @Test func stiggCreatedAtObjectQuery() async throws {
        let reply = try WirePayloads.fixture("stigg", "customers-list-200.json")
        let requests = try await WireServer.run(replying: reply) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            let createdAt = CustomersListCreatedAt(
                gt: Date(timeIntervalSince1970: 1_735_689_600),  // 2025-01-01T00:00:00Z
                lt: Date(timeIntervalSince1970: 1_738_368_000.5))  // 2025-02-01T00:00:00.500Z
            _ = try await client.customers.list(limit: 10, createdAt: createdAt)
            return await log.requests
        }
        #expect(requests.map(\.line) == [
            "GET /api/v1/customers?limit=10&createdAt%5Bgt%5D=2025-01-01T00:00:00.000Z&createdAt%5Blt%5D=2025-02-01T00:00:00.500Z"
        ])
        #expect(requests.first?.queryValue("createdAt[gt]") == "2025-01-01T00:00:00.000Z")
        #expect(requests.first?.queryValue("createdAt[lt]") == "2025-02-01T00:00:00.500Z")
    }

    // MARK: SnapRefund

    /// SnapRefund "Get customers list": the page's own example query, `Authorization: Bearer <token>`.
    @Test func snapRefundCustomersList() async throws {
        let reply = try WirePayloads.fixture("snaprefund", "customers-list-200.json")
        let (page, requests) = try await WireServer.run(replying: reply) { url, log in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let page = try await client.customers.list(limit: 10, offset: 10, includeSubscriptions: true)
            return (page, await log.requests)
        }
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.line == "GET /api/public/customers?limit=10&offset=10&include_subscriptions=true")
        #expect(request.header("Authorization") == "Bearer \(Self.key)")
        #expect(request.header("X-API-KEY") == nil)
        #expect(request.body.isEmpty)
        #expect(page.data.first?.id == "123")
        #expect(page.pagination == SnapRefund.Pagination(total: 150, limit: 10, offset: 0, hasMore: true))
    }

    // MARK: Autumn

    /// Autumn `POST /v1/customers.list`: the SDK sample `autumn.customers.list({})` sends `{}`, with
    /// `x-api-version: 2.1` and a bearer token; nothing goes in the query.
    @Test func autumnCustomersListDefaultBody() async throws {
        let reply = try WirePayloads.fixture("autumn", "customers-list-200.json")
        let (page, requests) = try await WireServer.run(replying: reply) { url, log in
            let client = AutumnClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let page = try await client.customers.list()
            return (page, await log.requests)
        }
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.line == "POST /v1/customers.list")
        #expect(request.header("x-api-version") == "2.1")
        #expect(request.header("Authorization") == "Bearer \(Self.key)")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.canonicalBody == (try canonicalJSON(FixtureFiles.data("autumn", "customers-list-request.json"))))
        #expect(page.list.first?.id == "2ee25a41-0d81-4ad2-8451-ec1aadaefe58")
        #expect(page.hasMore == false)
    }

    /// Every documented body field, under its wire name (`subscription_status`), compared as parsed JSON
    /// because key order is not guaranteed.
    @Test func autumnCustomersListFullBody() async throws {
        let reply = try WirePayloads.fixture("autumn", "customers-list-200.json")
        let requests = try await WireServer.run(replying: reply) { url, log in
            let client = AutumnClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let body = ListCustomersRequest(
                offset: 20, limit: 10, plans: [PlanFilter(id: "pro_plan", versions: [1, 2])],
                subscriptionStatus: .scheduled, search: "patrick@useautumn.com")
            _ = try await client.customers.list(body: body)
            return await log.requests
        }
        let request = try #require(requests.first)
        #expect(request.line == "POST /v1/customers.list")
        #expect(request.header("x-api-version") == "2.1")
        let json = try #require(request.jsonObject)
        #expect(Set(json.keys) == ["offset", "limit", "plans", "subscription_status", "search"])
        #expect(json["offset"] as? Int == 20)
        #expect(json["limit"] as? Int == 10)
        #expect(json["subscription_status"] as? String == "scheduled")
        #expect(json["search"] as? String == "patrick@useautumn.com")
        let plans = try #require(json["plans"] as? [[String: Any]])
        #expect(plans.count == 1)
        #expect(plans.first?["id"] as? String == "pro_plan")
        #expect(plans.first?["versions"] as? [Int] == [1, 2])
        #expect(request.canonicalBody == #"{"limit":10,"offset":20,"plans":[{"id":"pro_plan","versions":[1,2]}],"search":"patrick@useautumn.com","subscription_status":"scheduled"}"#)
    }

    // MARK: MyCryptoServer

    /// MyCryptoServer "Customers API": the server URL carries `/api/v1`, which prefixes every path; the
    /// page's curl examples for list, retrieve and the `email` filter.
    @Test func myCryptoServerListRetrieveAndEmail() async throws {
        let list = try WirePayloads.fixture("mycryptoserver", "customers-list-200.json")
        let single = try WirePayloads.fixture("mycryptoserver", "customer-200.json")
        let requests = try await WireServer.run({ request, _ in
            request.path.hasSuffix("/customers") ? list : single
        }) { url, log in
            let client = MyCryptoServerClient(
                token: Self.key, serverURL: url.appendingPathComponent("api/v1"), configuration: wireConfiguration())
            let page = try await client.customers.list(limit: 25, page: 1)
            #expect(page.total == 42)
            #expect(page.data.map(\.id) == ["cus_01HXYZ"])
            let customer = try await client.customers.retrieve(id: "cus_01HXYZ")
            #expect(customer.id == "cus_01HXYZ")
            #expect(customer.createdAt == Date(timeIntervalSince1970: 1_705_314_900))
            _ = try await client.customers.list(email: "a+b@c.d")
            return await log.requests
        }
        #expect(requests.map(\.line) == [
            "GET /api/v1/customers?limit=25&page=1",
            "GET /api/v1/customers/cus_01HXYZ",
            // `+` must be encoded: form decoders (which most servers apply to queries) read a literal `+`
            // as a space. `@` may stay literal in a query (RFC 3986 `pchar`).
            "GET /api/v1/customers?email=a%2Bb@c.d",
        ])
        #expect(requests.last?.queryValue("email") == "a+b@c.d")
        for request in requests {
            #expect(request.header("Authorization") == "Bearer \(Self.key)")
            #expect(request.body.isEmpty)
        }
    }
}
