import FlyingFox
import FlyingSocks
import Foundation

/// A request as the test server saw it. FlyingFox's own types are kept out of the tests because their names
/// (`HTTPRequest`, `HTTPResponse`, ...) clash with the runtime's.
struct ServerRequest: Sendable {
    var method: String
    var path: String
    /// The raw, still percent-encoded query.
    var query: String
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// The decoded value of the first query item named `name`.
    func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.first?.removingPercentEncoding == name {
                return parts.count > 1 ? parts[1].removingPercentEncoding : ""
            }
        }
        return nil
    }
}

/// What the test server answers.
struct ServerReply: Sendable {
    var status: Int = 200
    var headers: [String: String] = [:]
    var body = Data()
    /// Announce the whole body but send only this many bytes, then drop the connection.
    var dropAfterBytes: Int?

    static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> ServerReply {
        ServerReply(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(text.utf8))
    }

    static func status(_ status: Int, headers: [String: String] = [:]) -> ServerReply {
        ServerReply(status: status, headers: headers)
    }
}

/// A real HTTP server on 127.0.0.1 with an OS-assigned port, for the integration tests.
enum TestServer {
    /// Starts a server answering with `handler`, runs `body` with its base URL, then stops the server.
    static func run<Result>(
        _ handler: @escaping @Sendable (ServerRequest) async throws -> ServerReply,
        body: (URL) async throws -> Result
    ) async throws -> Result {
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0),
            timeout: 15,
            logger: .disabled,
            handler: ClosureHTTPHandler { request in try await respond(to: request, with: handler) }
        )
        let serverTask = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 30)
            guard case .ip4(_, let port) = await server.listeningAddress else {
                throw TestServerError("The server did not report an IPv4 address.")
            }
            let result = try await body(URL(string: "http://127.0.0.1:\(port)")!)
            await stop(server, serverTask)
            return result
        } catch {
            await stop(server, serverTask)
            throw error
        }
    }

    private static func stop(_ server: HTTPServer, _ task: Task<Void, any Error>) async {
        task.cancel()
        await server.stop(timeout: 0)
    }

    private static func respond(
        to request: FlyingFox.HTTPRequest,
        with handler: @Sendable (ServerRequest) async throws -> ServerReply
    ) async throws -> FlyingFox.HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue] = value
        }
        let serverRequest = ServerRequest(
            method: request.method.rawValue,
            path: request.target.path(percentEncoded: true),
            query: request.target.query(percentEncoded: true),
            headers: headers,
            body: try await request.bodyData
        )
        let reply = try await handler(serverRequest)
        var responseHeaders = FlyingFox.HTTPHeaders()
        for (name, value) in reply.headers {
            responseHeaders[FlyingFox.HTTPHeader(name)] = value
        }
        let status = HTTPStatusCode(reply.status, phrase: "Status \(reply.status)")
        if let dropAfterBytes = reply.dropAfterBytes {
            let partial = TruncatedBytes(bytes: Array(reply.body.prefix(dropAfterBytes)))
            return FlyingFox.HTTPResponse(
                statusCode: status,
                headers: responseHeaders,
                body: HTTPBodySequence(from: partial, count: reply.body.count)
            )
        }
        return FlyingFox.HTTPResponse(statusCode: status, headers: responseHeaders, body: reply.body)
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Yields some bytes and then fails, which makes FlyingFox close the connection after writing a response head
/// that promised more: a connection dropped mid-response, as a client sees it.
private struct TruncatedBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol, Sendable {
    typealias Element = UInt8
    var bytes: [UInt8]
    var delivered = false

    func makeAsyncIterator() -> TruncatedBytes { self }

    mutating func next() async throws -> UInt8? {
        guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
        return buffer.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        guard !delivered else { throw TestServerError("connection dropped on purpose") }
        delivered = true
        return bytes
    }
}
