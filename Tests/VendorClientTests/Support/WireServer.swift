import FlyingFox
import FlyingSocks
import Foundation

/// One request exactly as it arrived at ``WireServer``: the raw (still percent-encoded) path and query,
/// the headers and the body bytes. FlyingFox's own types stay inside this file because their names
/// (`HTTPRequest`, `HTTPHeaders`, ...) clash with SpindleRuntime's.
struct WireRequest: Sendable, CustomStringConvertible {
    var method: String
    /// The raw, percent-encoded path, e.g. `/api/v1/customers/customer-1/integrations`.
    var path: String
    /// The raw, percent-encoded query without `?`; empty when there is none.
    var query: String
    /// Header fields with lower-cased names (HTTP field names are case-insensitive).
    var headers: [String: String]
    var body: Data

    /// `GET /path?query`, the request line as the server received it.
    var line: String { query.isEmpty ? "\(method) \(path)" : "\(method) \(path)?\(query)" }

    var description: String { line }

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The percent-decoded value of the first query item named `name` (`+` is kept as a plus sign).
    func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.first?.removingPercentEncoding == name {
                return parts.count > 1 ? parts[1].removingPercentEncoding : ""
            }
        }
        return nil
    }

    /// The body parsed as JSON in canonical text form (sorted keys), or `nil` if it is not JSON.
    var canonicalBody: String? { try? canonicalJSON(body) }

    /// The body parsed as a JSON object.
    var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// What ``WireServer`` answers.
struct WireReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    static func json(_ data: Data, status: Int = 200, headers: [String: String] = [:]) -> WireReply {
        WireReply(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: data)
    }

    static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> WireReply {
        json(Data(text.utf8), status: status, headers: headers)
    }

    /// A JSON body built from a Foundation object (dictionaries, arrays, strings, numbers, `NSNull`).
    static func json(object: Any, status: Int = 200, headers: [String: String] = [:]) -> WireReply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return json(data, status: status, headers: headers)
    }
}

/// A real HTTP/1.1 server (FlyingFox) on 127.0.0.1 with an OS-assigned port. It records every request in
/// arrival order and answers each with `handler`, which also gets the request's 0-based index.
enum WireServer {
    /// Starts a server, runs `body` with its base URL and the request log, then stops the server.
    static func run<Result: Sendable>(
        _ handler: @escaping @Sendable (_ request: WireRequest, _ index: Int) -> WireReply,
        body: (_ url: URL, _ log: WireLog) async throws -> Result
    ) async throws -> Result {
        let log = WireLog()
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0),
            timeout: 10,
            logger: .disabled,
            handler: ClosureHTTPHandler { request in
                let wire = try await WireRequest(request)
                let index = await log.append(wire)
                return FlyingFox.HTTPResponse(handler(wire, index))
            }
        )
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 30)
            guard case .ip4(_, let port) = await server.listeningAddress else {
                throw WireServerError(description: "the server reported no IPv4 address")
            }
            let result = try await body(URL(string: "http://127.0.0.1:\(port)")!, log)
            await stop(server, task)
            return result
        } catch {
            await stop(server, task)
            throw error
        }
    }

    /// Serves the same reply to every request.
    static func run<Result: Sendable>(
        replying reply: WireReply,
        body: (_ url: URL, _ log: WireLog) async throws -> Result
    ) async throws -> Result {
        try await run({ _, _ in reply }, body: body)
    }

    private static func stop(_ server: HTTPServer, _ task: Task<Void, any Error>) async {
        task.cancel()
        await server.stop(timeout: 0)
    }
}

/// The requests a ``WireServer`` received, in arrival order.
actor WireLog {
    private(set) var requests: [WireRequest] = []

    func append(_ request: WireRequest) -> Int {
        requests.append(request)
        return requests.count - 1
    }

    /// The request lines (`GET /path?query`) in arrival order.
    var lines: [String] { requests.map(\.line) }
}

struct WireServerError: Error, CustomStringConvertible {
    var description: String
}

extension WireRequest {
    fileprivate init(_ request: FlyingFox.HTTPRequest) async throws {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        self.init(
            method: request.method.rawValue,
            path: request.target.path(percentEncoded: true),
            query: request.target.query(percentEncoded: true),
            headers: headers,
            body: try await request.bodyData
        )
    }
}

extension FlyingFox.HTTPResponse {
    fileprivate init(_ reply: WireReply) {
        var headers = FlyingFox.HTTPHeaders()
        for (name, value) in reply.headers {
            headers[FlyingFox.HTTPHeader(name)] = value
        }
        self.init(
            statusCode: HTTPStatusCode(reply.status, phrase: "Status \(reply.status)"), headers: headers,
            body: reply.body)
    }
}
