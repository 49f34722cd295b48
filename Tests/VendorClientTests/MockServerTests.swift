import Autumn
import FlyingFox
import FlyingSocks
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleGenerator
import SpindleRuntime
import Stigg
import Testing

/// `spindle-mock`'s request matching and responses, served in-process over real HTTP and read
/// through the generated clients.
@Suite struct MockServerTests {
    /// The list operation of each vendor: method, path and the key of the customer array.
    static let listOperations: [(vendor: String, method: String, path: String, items: String)] = [
        ("autumn", "POST", "/v1/customers.list", "list"),
        ("mycryptoserver", "GET", "/customers", "data"),
        ("snaprefund", "GET", "/api/public/customers", "data"),
        ("stigg", "GET", "/api/v1/customers", "data"),
    ]

    @Test(arguments: listOperations.map(\.vendor))
    func servesTheDocumentedExample(vendor: String) throws {
        let operation = try #require(Self.listOperations.first { $0.vendor == vendor })
        let response = try MockServer.api(vendor).response(method: operation.method, path: operation.path)
        #expect(response.status == 200)
        #expect(response.contentType == "application/json")
        let fixture = try FixtureFiles.data(vendor, "customers-list-200.json")
        #expect(try canonicalJSON(response.body) == canonicalJSON(fixture))
    }

    @Test func matchesTemplatesAndServerBasePaths() throws {
        let api = try MockServer.api("mycryptoserver")
        #expect(api.route(method: "GET", path: "/customers")?.operationId == "listCustomers")
        #expect(api.route(method: "get", path: "/api/v1/customers")?.operationId == "listCustomers")
        #expect(api.route(method: "GET", path: "/api/v1/customers/cus_1")?.operationId == "retrieveCustomer")
        #expect(api.route(method: "POST", path: "/customers") == nil)
        #expect(api.route(method: "GET", path: "/other/customers") == nil)
        let missing = api.response(method: "GET", path: "/x")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self) == #"{"message": "no operation for GET /x"}"#)
    }

    @Test func autumnClient() async throws {
        try await MockServer.run("autumn") { url in
            let client = AutumnClient(token: "test-key", serverURL: url, configuration: Self.configuration)
            let page = try await client.customers.list()
            #expect(page.list.first?.id == (try Self.firstID("autumn", items: "list")))
        }
    }

    @Test func myCryptoServerClientWithServerBasePath() async throws {
        try await MockServer.run("mycryptoserver") { url in
            let serverURL = url.appendingPathComponent("api/v1")
            let client = MyCryptoServerClient(
                token: "test-key", serverURL: serverURL, configuration: Self.configuration)
            let page = try await client.customers.list(limit: 25)
            #expect(page.data.first?.id == (try Self.firstID("mycryptoserver", items: "data")))
        }
    }

    @Test func snapRefundClient() async throws {
        try await MockServer.run("snaprefund") { url in
            let client = SnapRefundClient(token: "test-key", serverURL: url, configuration: Self.configuration)
            let page = try await client.customers.list(limit: 10)
            #expect(page.data.first?.id == (try Self.firstID("snaprefund", items: "data")))
        }
    }

    @Test func stiggClient() async throws {
        try await MockServer.run("stigg") { url in
            let client = StiggClient(apiKey: "test-key", serverURL: url, configuration: Self.configuration)
            let page = try await client.customers.list(limit: 20)
            #expect(page.data.first?.id == (try Self.firstID("stigg", items: "data")))
        }
    }

    static let configuration = ClientConfiguration(retryPolicy: .never, timeout: .seconds(30))

    /// The `id` of the first customer in the vendor's documented list example.
    static func firstID(_ vendor: String, items: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: FixtureFiles.data(vendor, "customers-list-200.json"))
        let customers = (object as? [String: Any])?[items] as? [[String: Any]]
        return customers?.first?["id"] as? String
    }
}

/// A vendor's ``MockAPI`` behind FlyingFox on 127.0.0.1 with an OS-assigned port, as `spindle-mock` serves it.
private enum MockServer {
    static let specs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs")

    static func api(_ vendor: String) throws -> MockAPI {
        try MockAPI.load(specs.appendingPathComponent(vendor).path, name: vendor)
    }

    /// Serves `vendor`'s mock, runs `body` with its base URL, then stops the server.
    static func run(_ vendor: String, body: (URL) async throws -> Void) async throws {
        let api = try api(vendor)
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled,
            handler: ClosureHTTPHandler { request in respond(to: request, from: api) })
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening(timeout: 5)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            await server.stop(timeout: 0)
            throw MockServerTestError(description: "the mock server reported no IPv4 address")
        }
        do {
            try await body(URL(string: "http://127.0.0.1:\(port)")!)
        } catch {
            await server.stop(timeout: 0)
            throw error
        }
        await server.stop(timeout: 0)
    }

    private static func respond(to request: FlyingFox.HTTPRequest, from api: MockAPI) -> FlyingFox.HTTPResponse {
        let response = api.response(method: request.method.rawValue, path: request.path)
        var headers = FlyingFox.HTTPHeaders()
        if let contentType = response.contentType { headers[.contentType] = contentType }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: response.reasonPhrase), headers: headers,
            body: response.body)
    }
}

private struct MockServerTestError: Error, CustomStringConvertible {
    var description: String
}
