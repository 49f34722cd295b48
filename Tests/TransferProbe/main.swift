// A client process for the streaming memory tests: it makes one large transfer through SpindleRuntime and
// reports its own memory, so the measurement is not mixed with the tests running beside it.
//
//   spindle-transfer-probe download URL [--transport urlsession|ahc]
//   spindle-transfer-probe upload URL BYTES [--transport urlsession|ahc]
//   spindle-transfer-probe jsonlines URL [--transport urlsession|ahc]   (decodes JSON Lines items; "bytes" is the item count)
//
// Prints one line of JSON: {"bytes":…,"baseline":…,"peak":…,"seconds":…} (memory in bytes: resident
// memory before the transfer, and the process's peak, VmHWM).
import Foundation
import SpindleRuntime
#if AsyncHTTPClientTransport
import SpindleAsyncHTTPClient
#endif

func memory(_ field: String) -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
    }
    return 0
}

/// A file of `count` bytes in the temporary folder, written 1 MiB at a time.
func temporaryFile(bytes count: Int) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-probe-\(UUID().uuidString)")
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw ProbeError("cannot create \(url.path)") }
    let handle = try FileHandle(forWritingTo: url)
    let piece = Data(repeating: 0x61, count: 1 << 20)
    var written = 0
    while written < count {
        let part = piece.prefix(count - written)
        try handle.write(contentsOf: part)
        written += part.count
    }
    try handle.close()
    return url
}

struct ProbeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The transport `--transport` names: `urlsession` (the default) or `ahc` (built with its trait).
func transport(named name: String) -> (any HTTPTransport)? {
    switch name {
    case "urlsession": return URLSessionTransport()
    #if AsyncHTTPClientTransport
    case "ahc": return AsyncHTTPClientTransport()
    #endif
    default: return nil
    }
}

var arguments = CommandLine.arguments
var transportName = "urlsession"
if let flag = arguments.firstIndex(of: "--transport"), flag + 1 < arguments.count {
    transportName = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
guard arguments.count >= 3, let server = URL(string: arguments[2]), let selected = transport(named: transportName) else {
    FileHandle.standardError.write(Data("usage: spindle-transfer-probe download|upload|jsonlines URL [BYTES] [--transport urlsession|ahc]\n".utf8))
    exit(2)
}
let client = APIClient(
    serverURL: server,
    configuration: ClientConfiguration(transport: selected, retryPolicy: .init(maxRetries: 0), timeout: .seconds(120))
)
do {
    var upload: URL?
    if arguments[1] == "upload" {
        upload = try temporaryFile(bytes: Int(arguments.count > 3 ? arguments[3] : "") ?? 0)
    }
    defer { upload.map { try? FileManager.default.removeItem(at: $0) } }
    let baseline = memory("VmRSS")
    let start = Date()
    var bytes = 0
    if let upload {
        var request = HTTPRequestBuilder(method: .put, path: "/upload")
        request.setBody(try HTTPBody(contentsOf: upload), contentType: "application/octet-stream")
        try await client.send(request, errors: { _ in nil as Never? })
        bytes = Int(try FileManager.default.attributesOfItem(atPath: upload.path)[.size] as? Int ?? 0)
    } else if arguments[1] == "jsonlines" {
        struct Record: Decodable, Sendable {
            var id: Int
            var value: String
        }
        let records = try await client.sendJSONLines(HTTPRequestBuilder(method: .get, path: "/records"), of: Record.self, errors: { _ in nil as Never? })
        for try await record in records {
            guard record.id == bytes else { throw ProbeError("record \(record.id) arrived as item \(bytes)") }
            bytes += 1
        }
    } else {
        let response = try await client.sendStreaming(HTTPRequestBuilder(method: .get, path: "/download"), errors: { _ in nil as Never? })
        for try await chunk in response.body { bytes += chunk.count }
    }
    let seconds = Date().timeIntervalSince(start)
    print(#"{"bytes":\#(bytes),"baseline":\#(baseline),"peak":\#(memory("VmHWM")),"seconds":\#(seconds)}"#)
    #if AsyncHTTPClientTransport
    try await (selected as? AsyncHTTPClientTransport)?.shutdown()
    #endif
} catch {
    FileHandle.standardError.write(Data("spindle-transfer-probe: \(error)\n".utf8))
    exit(1)
}
