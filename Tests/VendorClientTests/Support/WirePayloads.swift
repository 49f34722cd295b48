import Foundation
import SpindleRuntime

/// Response bodies for the loopback tests, built from the documented examples in `Tests/Fixtures` so that
/// every page the server sends has the shape the vendor documents.
enum WirePayloads {
    /// The first element of the array `itemsKey` in a vendor's documented list example.
    static func documentedItem(_ vendor: String, itemsKey: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: FixtureFiles.data(vendor, "customers-list-200.json"))
        guard let items = (object as? [String: Any])?[itemsKey] as? [[String: Any]], let first = items.first else {
            throw WireServerError(description: "\(vendor)/customers-list-200.json has no \(itemsKey)[0]")
        }
        return first
    }

    /// Copies of the documented item, one per id.
    static func items(_ vendor: String, itemsKey: String, ids: [String]) throws -> [[String: Any]] {
        let item = try documentedItem(vendor, itemsKey: itemsKey)
        return ids.map { id in
            var copy = item
            copy["id"] = id
            return copy
        }
    }

    /// A Stigg `CustomerListResponse` page.
    static func stiggCustomers(ids: [String], next: String?) throws -> WireReply {
        .json(object: [
            "data": try items("stigg", itemsKey: "data", ids: ids),
            "pagination": ["next": next.map { $0 as Any } ?? NSNull(), "prev": NSNull()],
        ])
    }

    /// A Stigg `CustomerIntegrationListResponse` page (Stigg prints no example, so the items are ours and
    /// follow the `CustomerIntegrationDto` schema).
    static func stiggIntegrations(ids: [String], vendor: String = "STRIPE", next: String?) -> WireReply {
        .json(object: [
            "data": ids.map { id -> [String: Any] in
                ["id": id, "vendorIdentifier": vendor, "syncedEntityId": "cus_\(id)", "syncData": NSNull()]
            },
            "pagination": ["next": next.map { $0 as Any } ?? NSNull(), "prev": NSNull()],
        ])
    }

    /// A SnapRefund `CustomerList` page.
    static func snapRefundCustomers(ids: [String], total: Int, limit: Int, offset: Int, hasMore: Bool) throws -> WireReply {
        .json(object: [
            "data": try items("snaprefund", itemsKey: "data", ids: ids),
            "pagination": ["total": total, "limit": limit, "offset": offset, "hasMore": hasMore],
        ])
    }

    /// An Autumn `CustomerList` page.
    static func autumnCustomers(ids: [String], total: Int, limit: Int, offset: Int, hasMore: Bool) throws -> WireReply {
        .json(object: [
            "list": try items("autumn", itemsKey: "list", ids: ids),
            "has_more": hasMore, "offset": offset, "limit": limit, "total": total,
        ])
    }

    /// A MyCryptoServer `CustomerList` page.
    static func myCryptoServerCustomers(ids: [String], total: Int, page: Int, limit: Int) throws -> WireReply {
        .json(object: [
            "object": "list",
            "data": try items("mycryptoserver", itemsKey: "data", ids: ids),
            "total": total, "page": page, "limit": limit,
        ])
    }

    /// A documented fixture file served as the JSON body.
    static func fixture(_ vendor: String, _ file: String, status: Int = 200, headers: [String: String] = [:]) throws -> WireReply {
        .json(try FixtureFiles.data(vendor, file), status: status, headers: headers)
    }
}

/// Client settings for the loopback tests: no retries unless a test asks for them, a bounded per-attempt
/// time limit, and (when given) a sleep that records the delay instead of waiting.
func wireConfiguration(retryPolicy: RetryPolicy = .never, sleeps: SleepLog? = nil) -> ClientConfiguration {
    var configuration = ClientConfiguration(retryPolicy: retryPolicy, timeout: .seconds(30))
    if let sleeps {
        configuration.sleep = { delay in await sleeps.record(delay) }
    }
    return configuration
}

/// The delays a client asked to sleep between retries.
actor SleepLog {
    private(set) var delays: [Duration] = []

    func record(_ delay: Duration) {
        delays.append(delay)
    }
}

/// The log events a client reported, for `ClientConfiguration.logger`.
final class LogEventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [LogEvent] = []

    var logger: @Sendable (LogEvent) -> Void {
        { event in self.lock.withLock { self.recorded.append(event) } }
    }

    var events: [LogEvent] { lock.withLock { recorded } }
}
