import Bodies
import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// The generated client's JSON Lines and JSON text sequence responses over real loopback HTTP: items decode as
/// they arrive, in order, and a bad item is a typed error naming where it is.
@Suite struct JSONStreamWireTests {
    static let recordCount = 100_000

    static func line(_ id: Int) -> String { #"{"id":\#(id),"value":"record \#(id)"}"# + "\n" }

    @Test func aHundredThousandRecordsStreamInOrderAndTheFirstArrivesBeforeTheRest() async throws {
        let firstRead = DispatchSemaphore(value: 0)
        let waitedForTheClient = Locked(false)
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "application/x-ndjson"])
            try connection.writeChunk(Self.line(0))
            // The rest only once the client has decoded the first: it must not wait for the end.
            waitedForTheClient.set(wait(for: firstRead))
            var batch = ""
            for id in 1..<Self.recordCount {
                batch += Self.line(id)
                if id % 2000 == 0 || id == Self.recordCount - 1 {
                    try connection.writeChunk(batch)
                    batch = ""
                }
            }
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            var expected = 0
            for try await record in try await client.records.export(limit: Self.recordCount) {
                if expected == 0 { firstRead.signal() }
                guard record.id == expected, record.value == "record \(expected)" else {
                    Issue.record("record \(expected) is \(record)")
                    return
                }
                expected += 1
            }
            #expect(expected == Self.recordCount)
        }
        #expect(waitedForTheClient.get())
    }

    @Test func aMalformedLineIsADecodingErrorNamingItsIndexOffsetAndPath() async throws {
        let body = Self.line(0) + "\n" + Self.line(1) + #"{"id":2,"value":false}"# + "\n" + Self.line(3)
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "application/jsonl"])
            try connection.writeChunk(body)
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            var ids: [Int] = []
            do {
                for try await record in try await client.records.export() { ids.append(record.id) }
                Issue.record("the malformed line did not fail")
            } catch let error as BodiesError {
                guard case .decoding(let failure) = error else {
                    Issue.record("expected a decoding error, got \(error)")
                    return
                }
                let offset = (Self.line(0) + "\n" + Self.line(1)).utf8.count
                #expect(failure.message.hasPrefix("Item 2 of the JSON Lines stream, at byte \(offset): "))
                #expect(failure.path == "value")
            }
            #expect(ids == [0, 1])
        }
    }

    @Test func aJSONTextSequenceDecodesAndATruncatedItemIsAnError() async throws {
        let rs = "\u{1E}"
        let entries = "\(rs){\"level\":\"info\",\"message\":\"started\"}\n\(rs){\n  \"level\": \"warning\",\n  \"message\": \"slow\"\n}\n"
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "application/json-seq"])
            try connection.writeChunk(entries)
            // Cut off: the next RS comes before this item's LF.
            try connection.writeChunk("\(rs){\"level\":\"error\",\"mess\(rs){\"level\":\"info\",\"message\":\"x\"}\n")
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            var messages: [String] = []
            do {
                for try await entry in try await client.logs.tail() { messages.append(entry.message) }
                Issue.record("the truncated item did not fail")
            } catch let error as BodiesError {
                guard case .decoding(let failure) = error else {
                    Issue.record("expected a decoding error, got \(error)")
                    return
                }
                #expect(failure.message == "Item 2 of the JSON text sequence stream, at byte \(entries.utf8.count): "
                    + "The item ends before its JSON text and LF are complete.")
            }
            #expect(messages == ["started", "slow"])
        }
    }
}
