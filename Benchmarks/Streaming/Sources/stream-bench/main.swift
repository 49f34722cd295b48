// One client, one measurement, in this process alone:
//
//   stream-bench download spindle|sog BASE_URL         the server decides the size (server.py)
//   stream-bench events spindle|sog BASE_URL           Server-Sent Events, data decoded as Tick
//   stream-bench rps urlsession|ahc BASE_URL BYTES TASKS REQUESTS
//                                                      REQUESTS GETs of BYTES bytes, TASKS at a time
//   stream-bench serve PORT                            the SwiftNIO server the rps runs ask
//
// Prints one line of JSON: {"items":…,"seconds":…,"baseline":…,"peak":…}: bytes, events or requests,
// wall time of the calls and the reading of the bodies, resident memory before them, and the process's
// peak (VmHWM), in bytes.
import Foundation
import OpenAPIRuntime
import OpenAPIURLSession
import SOGStreamingClient
import SpindleAsyncHTTPClient
import SpindleRuntime

func memory(_ field: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
    }
    return 0
}

struct UsageError: Error {}

/// The event payload of `GET /events` (openapi.yaml), as a generated Spindle client declares it.
struct Tick: Codable, Sendable {
    var n: Int
}

func spindleClient(_ server: URL, transport: any HTTPTransport = SpindleRuntime.URLSessionTransport()) -> APIClient {
    APIClient(serverURL: server, configuration: ClientConfiguration(transport: transport, retryPolicy: .never))
}

func spindleDownload(_ server: URL) async throws -> Int {
    let response = try await spindleClient(server).sendStreaming(HTTPRequestBuilder(method: .get, path: "/download"), errors: { _ in nil as Never? })
    var received = 0
    for try await chunk in response.body { received += chunk.count }
    return received
}

func sogDownload(_ server: URL) async throws -> Int {
    let client = Client(serverURL: server, transport: OpenAPIURLSession.URLSessionTransport())
    let body = try await client.download().ok.body.binary
    var received = 0
    for try await chunk in body { received += chunk.count }
    return received
}

func spindleEvents(_ server: URL) async throws -> Int {
    let events = try await spindleClient(server).sendServerSentEvents(
        HTTPRequestBuilder(method: .get, path: "/events"), data: Tick.self, errors: { _ in nil as Never? })
    var count = 0
    for try await event in events {
        guard event.data.n == count else { throw UsageError() }
        count += 1
    }
    return count
}

func sogEvents(_ server: URL) async throws -> Int {
    let client = Client(serverURL: server, transport: OpenAPIURLSession.URLSessionTransport())
    let body = try await client.events().ok.body.text_event_hyphen_stream
    var count = 0
    for try await event in body.asDecodedServerSentEventsWithJSONData(of: Components.Schemas.Tick.self) {
        guard event.data?.n == count else { throw UsageError() }
        count += 1
    }
    return count
}

/// `requests` GETs of `/bytes/<size>`, `tasks` at a time, each body read whole as an app's JSON call would.
func requestsPerSecond(_ server: URL, transport: any HTTPTransport, size: Int, tasks: Int, requests: Int) async throws -> Int {
    let client = spindleClient(server, transport: transport)
    let next = Counter()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<tasks {
            group.addTask {
                while next.take() < requests {
                    let response = try await client.sendStreaming(HTTPRequestBuilder(method: .get, path: "/bytes/\(size)"), errors: { _ in nil as Never? })
                    let body = try await response.body.collect(upTo: size)
                    guard body.count == size else { throw UsageError() }
                }
            }
        }
        try await group.waitForAll()
    }
    return requests
}

/// Hands out request numbers to the tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "serve", let port = Int(arguments[2]) {
    try await BenchmarkServer.run(port: port)
    exit(0)
}
guard arguments.count >= 4, let server = URL(string: arguments[3]) else {
    FileHandle.standardError.write(Data("usage: see the top of Benchmarks/Streaming/Sources/stream-bench/main.swift\n".utf8))
    exit(2)
}
do {
    let baseline = memory("VmRSS")
    let start = ContinuousClock.now
    let items: Int
    switch (arguments[1], arguments[2]) {
    case ("download", "spindle"): items = try await spindleDownload(server)
    case ("download", "sog"): items = try await sogDownload(server)
    case ("events", "spindle"): items = try await spindleEvents(server)
    case ("events", "sog"): items = try await sogEvents(server)
    case ("rps", let name) where arguments.count == 7:
        guard let size = Int(arguments[4]), let tasks = Int(arguments[5]), let requests = Int(arguments[6]) else { throw UsageError() }
        switch name {
        case "urlsession":
            items = try await requestsPerSecond(server, transport: SpindleRuntime.URLSessionTransport(), size: size, tasks: tasks, requests: requests)
        case "ahc":
            let transport = AsyncHTTPClientTransport()
            items = try await requestsPerSecond(server, transport: transport, size: size, tasks: tasks, requests: requests)
            try await transport.shutdown()
        default: throw UsageError()
        }
    default: throw UsageError()
    }
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(#"{"items":\#(items),"seconds":\#(seconds),"baseline":\#(baseline),"peak":\#(memory("VmHWM"))}"#)
} catch {
    FileHandle.standardError.write(Data("stream-bench: \(error)\n".utf8))
    exit(1)
}
