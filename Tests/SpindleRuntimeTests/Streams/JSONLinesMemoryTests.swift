import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// A JSON Lines response of 100,000 items of 1 KB (100 MB) is decoded item by item: the client process's peak
/// resident memory stays within 64 MB of where it started, as for a download (``StreamingMemoryTests``).
@Suite(.serialized) struct JSONLinesMemoryTests {
    static let count = 100_000

    @Test(.enabled(if: residentMemory() != nil))
    func aHundredThousandItemsDecodeWithin64Megabytes() async throws {
        let padding = String(repeating: "x", count: 1000)
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "application/jsonl"])
            var batch = ""
            for id in 0..<Self.count {
                batch += #"{"id":\#(id),"value":"\#(padding)"}"# + "\n"
                if batch.utf8.count >= 256 * 1024 || id == Self.count - 1 {
                    try connection.writeChunk(batch)
                    batch = ""
                }
            }
            try connection.finishChunks()
        }) { server in
            let report = try await StreamingMemoryTests.runProbe(["jsonlines", server.baseURL.absoluteString])
            #expect(report.bytes == Self.count)
            #expect(report.peak - report.baseline <= StreamingMemoryTests.allowance, "peak memory grew by \((report.peak - report.baseline) >> 20) MB")
        }
    }
}
