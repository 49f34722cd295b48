import FlyingFox
import FlyingSocks
import Foundation
import SpindleGenerator

/// One vendor's ``MockAPI`` served over HTTP on 127.0.0.1.
struct MockServer: Sendable {
    let api: MockAPI
    let port: UInt16
    /// The vendor name padded to the widest name, so log columns line up.
    let label: String
    let http: HTTPServer

    /// A server for `api` on 127.0.0.1:`port` (not yet listening) whose log lines start with `label`.
    init(api: MockAPI, port: UInt16, label: String) throws {
        self.api = api
        self.port = port
        self.label = label
        self.http = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
            handler: MockHTTPHandler(api: api, label: label, log: MockLog.line))
    }

    /// The base URL clients use, such as `http://127.0.0.1:8080`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Runs every server until one fails or the task is cancelled, printing each one's name and URL
    /// once all are listening.
    static func runAll(_ servers: [MockServer]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for server in servers {
                group.addTask {
                    do {
                        try await server.http.run()
                    } catch is CancellationError {
                    } catch {
                        throw MockServerError(
                            message: "\(server.api.name): cannot serve on \(server.url): \(error.localizedDescription)")
                    }
                }
            }
            group.addTask {
                for server in servers { try await server.http.waitUntilListening() }
                for server in servers {
                    MockLog.line(server.label + server.url)
                }
                MockLog.line("Serving documented examples; Ctrl-C to stop.")
            }
            while try await group.next() != nil {}
        }
    }
}

/// A server that could not start, such as a port already in use.
struct MockServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Answers every request from a ``MockAPI`` and logs one line per request.
struct MockHTTPHandler: HTTPHandler {
    let api: MockAPI
    let label: String
    let log: @Sendable (String) -> Void

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let route = api.route(method: request.method.rawValue, path: request.path)
        let response = route?.response ?? api.response(method: request.method.rawValue, path: request.path)
        let operation = route?.operationId.map { " " + $0 } ?? ""
        log("\(label)\(request.method.rawValue) \(request.target.rawValue) -> \(response.status)\(operation)")
        var headers = HTTPHeaders()
        if let contentType = response.contentType { headers[.contentType] = contentType }
        let status = HTTPStatusCode(response.status, phrase: response.reasonPhrase)
        return HTTPResponse(statusCode: status, headers: headers, body: response.body)
    }
}

/// Unbuffered standard output, so lines show at once even when piped and survive Ctrl-C.
enum MockLog {
    @Sendable static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A line on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
