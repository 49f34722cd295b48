import Autumn
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// Auto-pagination through a real HTTP server, in each vendor's style. Every server here would keep
/// answering with more items if asked, so the walk must stop because of the vendor's end-of-list signal
/// (`pagination.next == null`, `hasMore == false`, `has_more == false`, `total` reached), and the exact
/// sequence of requests is asserted.
@Suite struct WirePaginationTests {
    static let key = "sk_test_pages_41c2"

    // MARK: Stigg (cursor: `after` <- pagination.next)

    /// Base64-style cursors (`+`, `/`, `=`) are common; they must be percent-encoded in the query and
    /// reach the server unchanged.
    static let stiggCursors = ["eyJpZCI6Mn0=", "a+b/c=="]

    /// A Stigg customers server: page 0 without `after`, then one page per cursor; the last has `next: null`.
    /// An unknown cursor gets one more (non-empty) page, so only `next == null` can end the walk.
    static func stiggCustomersServer() throws -> @Sendable (WireRequest, Int) -> WireReply {
        let pages = [
            try WirePayloads.stiggCustomers(ids: ["c1", "c2"], next: stiggCursors[0]),
            try WirePayloads.stiggCustomers(ids: ["c3", "c4"], next: stiggCursors[1]),
            try WirePayloads.stiggCustomers(ids: ["c5"], next: nil),
        ]
        let stray = try WirePayloads.stiggCustomers(ids: ["unexpected"], next: "stray")
        return { request, _ in
            switch request.queryValue("after") {
            case nil: pages[0]
            case stiggCursors[0]: pages[1]
            case stiggCursors[1]: pages[2]
            default: stray
            }
        }
    }

    static let stiggCustomerLines = [
        "GET /api/v1/customers?limit=2&email=a@b.c",
        "GET /api/v1/customers?after=eyJpZCI6Mn0%3D&limit=2&email=a@b.c",
        "GET /api/v1/customers?after=a%2Bb/c%3D%3D&limit=2&email=a@b.c",
    ]

    @Test func stiggCustomersListAll() async throws {
        let handler = try Self.stiggCustomersServer()
        let (ids, requests) = try await WireServer.run(handler) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            var ids: [String] = []
            for try await customer in client.customers.listAll(limit: 2, email: "a@b.c") {
                ids.append(customer.id)
            }
            return (ids, await log.requests)
        }
        #expect(ids == ["c1", "c2", "c3", "c4", "c5"])
        #expect(requests.map(\.line) == Self.stiggCustomerLines)
        #expect(requests.allSatisfy { $0.header("X-API-KEY") == Self.key })
    }

    @Test func stiggCustomersListPages() async throws {
        let handler = try Self.stiggCustomersServer()
        let (pages, lines) = try await WireServer.run(handler) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            let pages = try await client.customers.listPages(limit: 2, email: "a@b.c").collect()
            return (pages, await log.lines)
        }
        #expect(pages.map { $0.data.map(\.id) } == [["c1", "c2"], ["c3", "c4"], ["c5"]])
        #expect(pages.map(\.pagination.next) == [Self.stiggCursors[0], Self.stiggCursors[1], nil])
        #expect(lines == Self.stiggCustomerLines)
    }

    /// `customers.integrations.list`: the cursor walk keeps the path id and the `vendorIdentifier` filter.
    @Test func stiggIntegrationsListAllAndPages() async throws {
        let pages = [
            WirePayloads.stiggIntegrations(ids: ["i1", "i2"], next: "n1"),
            WirePayloads.stiggIntegrations(ids: ["i3"], next: "n2"),
            WirePayloads.stiggIntegrations(ids: ["i4", "i5"], next: nil),
        ]
        let stray = WirePayloads.stiggIntegrations(ids: ["unexpected"], next: "stray")
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            switch request.queryValue("after") {
            case nil: pages[0]
            case "n1": pages[1]
            case "n2": pages[2]
            default: stray
            }
        }
        let expectedLines = [
            "GET /api/v1/customers/customer-1/integrations?limit=2&vendorIdentifier=STRIPE,HUBSPOT",
            "GET /api/v1/customers/customer-1/integrations?after=n1&limit=2&vendorIdentifier=STRIPE,HUBSPOT",
            "GET /api/v1/customers/customer-1/integrations?after=n2&limit=2&vendorIdentifier=STRIPE,HUBSPOT",
        ]
        try await WireServer.run(handler) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            let integrations = client.customers.integrations
            let items = try await integrations.listAll(id: "customer-1", limit: 2, vendorIdentifier: [.stripe, .hubspot])
                .collect()
            #expect(items.map(\.id) == ["i1", "i2", "i3", "i4", "i5"])
            #expect(await log.lines == expectedLines)

            let walked = try await integrations.listPages(id: "customer-1", limit: 2, vendorIdentifier: [.stripe, .hubspot])
                .collect()
            #expect(walked.map { $0.data.map(\.id) } == [["i1", "i2"], ["i3"], ["i4", "i5"]])
            #expect(await log.lines == expectedLines + expectedLines)
        }
    }

    // MARK: SnapRefund (offset/limit in the query, pagination.hasMore)

    @Test func snapRefundOffsetPages() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            let ids = (offset..<min(offset + 2, 5)).map { "s\($0 + 1)" }
            // Past the end the server would still answer with an item: only `hasMore` may stop the walk.
            return (try? WirePayloads.snapRefundCustomers(
                ids: ids.isEmpty ? ["unexpected"] : ids, total: 5, limit: 2, offset: offset, hasMore: offset + 2 < 5))
                ?? .json("{}", status: 500)
        }
        let (ids, pageOffsets, requests) = try await WireServer.run(handler) { url, log in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            var ids: [String] = []
            for try await customer in client.customers.listAll(limit: 2, includeSubscriptions: true) {
                ids.append(customer.id)
            }
            let pages = try await client.customers.listPages(limit: 2, includeSubscriptions: true).collect()
            return (ids, pages.map(\.pagination.offset), await log.requests)
        }
        #expect(ids == ["s1", "s2", "s3", "s4", "s5"])
        #expect(pageOffsets == [0, 2, 4])
        let walk = [
            "GET /api/public/customers?limit=2&offset=0&include_subscriptions=true",
            "GET /api/public/customers?limit=2&offset=2&include_subscriptions=true",
            "GET /api/public/customers?limit=2&offset=4&include_subscriptions=true",
        ]
        #expect(requests.map(\.line) == walk + walk)
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.key)" })
    }

    /// A walk that starts at a caller-given offset continues from there.
    @Test func snapRefundStartsAtTheCallersOffset() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            return (try? WirePayloads.snapRefundCustomers(
                ids: ["s\(offset + 1)", "s\(offset + 2)"], total: 14, limit: 2, offset: offset, hasMore: offset + 2 < 14))
                ?? .json("{}", status: 500)
        }
        let (ids, lines) = try await WireServer.run(handler) { url, log in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let ids = try await client.customers.listAll(limit: 2, offset: 10).collect().map(\.id)
            return (ids, await log.lines)
        }
        #expect(ids == ["s11", "s12", "s13", "s14"])
        #expect(lines == [
            "GET /api/public/customers?limit=2&offset=10",
            "GET /api/public/customers?limit=2&offset=12",
        ])
    }

    // MARK: Autumn (offset in the JSON body, has_more)

    @Test func autumnBodyOffsetPages() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let offset = request.jsonObject?["offset"] as? Int ?? 0
            let ids = (offset..<min(offset + 2, 5)).map { "a\($0 + 1)" }
            return (try? WirePayloads.autumnCustomers(
                ids: ids.isEmpty ? ["unexpected"] : ids, total: ids.count, limit: 2, offset: offset,
                hasMore: offset + 2 < 5))
                ?? .json("{}", status: 500)
        }
        let (ids, pageOffsets, requests) = try await WireServer.run(handler) { url, log in
            let client = AutumnClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let body = ListCustomersRequest(limit: 2, subscriptionStatus: .active)
            var ids: [String] = []
            for try await customer in client.customers.listAll(body: body) {
                ids.append(customer.id)
            }
            let pages = try await client.customers.listPages(body: body).collect()
            return (ids, pages.map(\.offset), await log.requests)
        }
        #expect(ids == ["a1", "a2", "a3", "a4", "a5"])
        #expect(pageOffsets == [0, 2, 4])
        #expect(requests.count == 6)
        #expect(requests.allSatisfy { $0.line == "POST /v1/customers.list" })
        #expect(requests.allSatisfy { $0.header("x-api-version") == "2.1" })
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.key)" })
        // The offset in the body advances by the items received; the other fields are kept.
        let walk = [0, 2, 4].map { #"{"limit":2,"offset":\#($0),"subscription_status":"active"}"# }
        #expect(requests.map(\.canonicalBody) == walk + walk)
    }

    // MARK: MyCryptoServer (page/limit in the query, total)

    @Test func myCryptoServerPageNumbers() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let first = (page - 1) * 2
            let ids = (first..<min(first + 2, 5)).map { "cus_\($0 + 1)" }
            // Past the last page the server would still return items: only `total` may stop the walk.
            return (try? WirePayloads.myCryptoServerCustomers(
                ids: ids.isEmpty ? ["unexpected"] : ids, total: 5, page: page, limit: 2))
                ?? .json("{}", status: 500)
        }
        let (ids, pageNumbers, requests) = try await WireServer.run(handler) { url, log in
            let client = MyCryptoServerClient(
                token: Self.key, serverURL: url.appendingPathComponent("api/v1"), configuration: wireConfiguration())
            var ids: [String] = []
            for try await customer in client.customers.listAll(limit: 2) {
                ids.append(customer.id)
            }
            let pages = try await client.customers.listPages(limit: 2).collect()
            return (ids, pages.map(\.page), await log.requests)
        }
        #expect(ids == ["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"])
        #expect(pageNumbers == [1, 2, 3])
        let walk = [
            "GET /api/v1/customers?limit=2&page=1",
            "GET /api/v1/customers?limit=2&page=2",
            "GET /api/v1/customers?limit=2&page=3",
        ]
        #expect(requests.map(\.line) == walk + walk)
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.key)" })
    }

    /// Issue #28: a walk started at page 2 of `total: 7, limit: 2` asked for page 5, which a server may answer
    /// with an error. This server does (404 past the last page), so every walk must stop at page 4 by the
    /// total alone.
    @Test("MyCryptoServer: a walk from any start page stops at the documented total", arguments: [1, 2, 4])
    func myCryptoServerStopsAtTheTotalFromAnyStartPage(start: Int) async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            guard (1...4).contains(page) else { return .json(#"{"error":"page out of range"}"#, status: 404) }
            let first = (page - 1) * 2
            let ids = (first..<min(first + 2, 7)).map { "cus_\($0 + 1)" }
            return (try? WirePayloads.myCryptoServerCustomers(ids: ids, total: 7, page: page, limit: 2)) ?? .json("{}", status: 500)
        }
        let (ids, pages, requests) = try await WireServer.run(handler) { url, log in
            let client = MyCryptoServerClient(
                token: Self.key, serverURL: url.appendingPathComponent("api/v1"), configuration: wireConfiguration())
            var ids: [String] = []
            for try await customer in client.customers.listAll(limit: 2, page: start) {
                ids.append(customer.id)
            }
            let pages = try await client.customers.listPages(limit: 2, page: start).collect()
            return (ids, pages.map(\.page), await log.requests)
        }
        #expect(ids == Array(((start - 1) * 2 + 1...7).map { "cus_\($0)" }))
        #expect(pages == Array(start...4))
        let walk = (start...4).map { "GET /api/v1/customers?limit=2&page=\($0)" }
        #expect(requests.map(\.line) == walk + walk)
    }
}

/// Each vendor's documented rule for the next page, and the walk's end, over real HTTP.
@Suite struct WirePaginationRuleTests {
    static let key = "sk_test_rules_0b7d"

    /// SnapRefund's docs: "increment the offset by the limit value". A page may hold fewer items than the limit
    /// before the end (items filtered out server-side); advancing by the items received would ask for the same
    /// items again.
    @Test func snapRefundAdvancesByTheLimitThroughShortAndEmptyPages() async throws {
        // offset 0: 2 of 3 (short, more follow); 3: 3 items; 6: 1 item (short last page, hasMore unknown to
        // the walk because the server says true); 9: empty, which ends the walk.
        let pages: [Int: [String]] = [0: ["s1", "s2"], 3: ["s4", "s5", "s6"], 6: ["s7"], 9: []]
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            guard let ids = pages[offset] else { return .json(#"{"unexpected offset": true}"#, status: 500) }
            if ids.isEmpty {
                return .json(object: [
                    "data": [], "pagination": ["total": 7, "limit": 3, "offset": offset, "hasMore": false],
                ])
            }
            return (try? WirePayloads.snapRefundCustomers(ids: ids, total: 7, limit: 3, offset: offset, hasMore: true))
                ?? .json("{}", status: 500)
        }
        let (ids, lines) = try await WireServer.run(handler) { url, log in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let ids = try await client.customers.listAll(limit: 3).collect().map(\.id)
            return (ids, await log.lines)
        }
        #expect(ids == ["s1", "s2", "s4", "s5", "s6", "s7"])
        #expect(lines == [
            "GET /api/public/customers?limit=3&offset=0",
            "GET /api/public/customers?limit=3&offset=3",
            "GET /api/public/customers?limit=3&offset=6",
            "GET /api/public/customers?limit=3&offset=9",
        ])
    }

    /// Without a limit the server's page size is not known: the walk advances by the items received.
    @Test func snapRefundWithoutALimitAdvancesByTheItems() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            let ids = (offset..<min(offset + 2, 3)).map { "s\($0 + 1)" }
            return (try? WirePayloads.snapRefundCustomers(ids: ids, total: 3, limit: 2, offset: offset, hasMore: offset + 2 < 3))
                ?? .json("{}", status: 500)
        }
        let lines = try await WireServer.run(handler) { url, log in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            _ = try await client.customers.listAll().collect()
            return await log.lines
        }
        #expect(lines == ["GET /api/public/customers?offset=0", "GET /api/public/customers?offset=2"])
    }

    /// A cursor the server already gave ends the walk with an error naming the operation and the cursor, after
    /// the page that carried it has been delivered.
    @Test func aRepeatedCursorNamesTheOperationAndTheCursor() async throws {
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            (try? WirePayloads.stiggCustomers(ids: ["c\(request.queryValue("after") ?? "0")"], next: "loop=="))
                ?? .json("{}", status: 500)
        }
        let (ids, failure) = try await WireServer.run(handler) { url, _ in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            var ids: [String] = []
            do throws(StiggError) {
                for try await customer in client.customers.listAll() {
                    ids.append(customer.id)
                }
                return (ids, PaginationFailure?.none)
            } catch {
                guard case .pagination(let failure) = error else { return (ids, nil) }
                return (ids, failure)
            }
        }
        #expect(ids == ["c0", "cloop=="])
        let error = try #require(failure)
        #expect(error.operation == "customers.list (GET /api/v1/customers)")
        #expect(error.cursor == "loop==")
        #expect(error.pagesFetched == 2)
        #expect(error.description.contains("customers.list (GET /api/v1/customers)"))
        #expect(error.description.contains(#""loop==""#))
    }
}
