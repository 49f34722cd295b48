import Bodies
import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// The generated client's binary operations over real loopback HTTP: an upload streamed from a file with
/// its length and media type, downloads streamed to a file or collected.
@Suite struct BinaryWireTests {
    static let size = 3_000_000

    static func temporaryFile(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-binary-\(UUID().uuidString)")
        try data.write(to: url)
        return url
    }

    /// Bytes that repeat only over long stretches. Filled in a plain loop: `(0..<size).map` took 4.5 s in a debug
    /// build, inside the static's one-time initialisation on one of Swift concurrency's two threads, which
    /// stalled every loopback test running beside it.
    static let payload: Data = {
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: index &* 7 &+ index >> 9) }
        }
        return Data(bytes)
    }()

    @Test func anUploadStreamsFromAFileWithItsLengthAndMediaType() async throws {
        let file = try Self.temporaryFile(Self.payload)
        defer { try? FileManager.default.removeItem(at: file) }
        let received = Locked<(contentType: String?, length: String?, body: Data)>((nil, nil, Data()))
        try await StreamingTestServer.run({ connection in
            received.set((connection.header("Content-Type"), connection.header("Content-Length"), try connection.readWholeBody()))
            try connection.writeHead(status: 204, headers: ["Content-Length": "0"])
        }) { server in
            try await bodiesClient(server.baseURL).images.put(id: "img_1", body: .init(contentsOf: file))
        }
        #expect(received.get().contentType == "image/png")
        #expect(received.get().length == "\(Self.size)")
        #expect(received.get().body == Self.payload)
    }

    @Test func aDownloadStreamsToAFile() async throws {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-invoice-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: destination) }
        let accept = Locked<String?>(nil)
        try await StreamingTestServer.run({ connection in
            accept.set(connection.header("Accept"))
            try connection.writeHead(headers: ["Content-Type": "application/pdf"])
            var offset = 0
            while offset < Self.size {
                let end = min(Self.size, offset + 65_536)
                try connection.writeChunk(Self.payload[offset..<end])
                offset = end
            }
            try connection.finishChunks()
        }) { server in
            let written = try await bodiesClient(server.baseURL).invoices.download(id: "in_1").write(to: destination)
            #expect(written == Int64(Self.size))
        }
        #expect(try Data(contentsOf: destination) == Self.payload)
        #expect(accept.get() == "application/pdf")
    }

    @Test func aTextExportCollectsWithItsLengthAndRefusesMoreThanTheLimit() async throws {
        let csv = "id,total\n" + (1...1000).map { "in_\($0),\($0 * 100)\n" }.joined()
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "text/csv", "Content-Length": "\(csv.utf8.count)"])
            try connection.write(Array(csv.utf8))
        }) { server in
            let client = bodiesClient(server.baseURL)
            let export = try await client.invoices.export(since: CalendarDate(year: 2025, month: 1, day: 1))
            #expect(export.length == .known(Int64(csv.utf8.count)))
            #expect(String(decoding: try await export.collect(upTo: 1 << 20), as: UTF8.self) == csv)
            let again = try await client.invoices.export()
            await #expect(throws: HTTPBodyError(.tooLarge(limit: 100))) { try await again.collect(upTo: 100) }
        }
    }
}
