// Lists the customers of every vendor through its generated client.
//
// Start the mock server first; its default ports are this example's defaults:
//
//     swift run spindle-mock          # autumn 8080, mycryptoserver 8081, snaprefund 8082, stigg 8083
//     swift run list-customers        # in a second terminal
//
// `swift run list-customers --help` shows how to point a vendor elsewhere.

import Autumn
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n\n\(Options.usage)\n".utf8))
    exit(2)
}
if options.help {
    print(Options.usage)
    exit(0)
}

/// Fail fast when a server is not running: no retries, short timeout.
let configuration = ClientConfiguration(retryPolicy: .never, timeout: .seconds(10))
let header = ["ID", "NAME", "EMAIL", "CREATED"]
var failed = false

/// Prints one vendor's customers as a table, or the client's error (and marks the run failed).
@MainActor func show<E: Error>(_ vendor: String, _ rows: (URL) async throws(E) -> [[String]]) async {
    let url = options.url(for: vendor)
    do {
        let rows = try await rows(url)
        Table(
            title: "\(vendor) (\(url.absoluteString)): \(rows.count) customer\(rows.count == 1 ? "" : "s")",
            header: header, rows: rows
        ).print()
    } catch {
        print("\(vendor) (\(url.absoluteString)): error: \(error)\n")
        failed = true
    }
}

await show("autumn") { url throws(AutumnError) in
    let autumn = AutumnClient(token: "test-key", serverURL: url, configuration: configuration)
    return try await autumn.customers.list().list.map { [$0.id, $0.name, $0.email, Table.format($0.createdAt)] }
}

await show("mycryptoserver") { url throws(MyCryptoServerError) in
    let myCryptoServer = MyCryptoServerClient(token: "test-key", serverURL: url, configuration: configuration)
    return try await myCryptoServer.customers.list(limit: 25).data.map {
        [$0.id, "-", $0.email, Table.format($0.createdAt)]
    }
}

await show("snaprefund") { url throws(SnapRefundError) in
    let snapRefund = SnapRefundClient(token: "test-key", serverURL: url, configuration: configuration)
    return try await snapRefund.customers.list(limit: 10).data.map {
        [$0.id, "\($0.firstName) \($0.lastName)", $0.email, Table.format($0.createdAt)]
    }
}

await show("stigg") { url throws(StiggError) in
    let stigg = StiggClient(apiKey: "test-key", serverURL: url, configuration: configuration)
    return try await stigg.customers.list(limit: 20).data.map {
        [$0.id, $0.name.wrapped ?? "-", $0.email.wrapped ?? "-", Table.format($0.createdAt)]
    }
}

exit(failed ? 1 : 0)
