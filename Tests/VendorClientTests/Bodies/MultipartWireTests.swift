import Bodies
import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// The generated client's multipart forms over real loopback HTTP: an upload with fields, files streamed from
/// a file and from a byte sequence, repeated parts and a JSON part, as Python's standard-library parser reads
/// it; and a multipart response decoded into the same typed parts.
@Suite struct MultipartWireTests {
    /// Bytes that look like framing: CRs, LFs, dashes, every byte value.
    static let binary = Data((0..<600_000).map { index -> UInt8 in
        switch index % 97 {
        case 0: 13
        case 1: 10
        case 2, 3: UInt8(ascii: "-")
        default: UInt8(truncatingIfNeeded: index &* 31)
        }
    })

    @Test(.enabled(if: Python.isAvailable, "python3 is not installed: the independent multipart parser cannot run"))
    func anUploadWithFieldsAndFilesIsReadByPythonsParser() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-scan-\(UUID().uuidString).png")
        try Self.binary.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let received = Locked<(contentType: String, length: String?, body: Data)>(("", nil, Data()))
        try await StreamingTestServer.run({ connection in
            received.set((connection.header("Content-Type") ?? "", connection.header("Content-Length"), try connection.readWholeBody()))
            let stored = #"{"id":"file_1","bytes":600000,"filename":"scan.png","purpose":"vision"}"#
            try connection.writeHead(status: 201, headers: ["Content-Type": "application/json", "Content-Length": "\(stored.utf8.count)"])
            try connection.write(Array(stored.utf8))
        }) { server in
            let (log, continuation) = AsyncStream.makeStream(of: [UInt8].self)
            continuation.yield(Array("line one\r\n".utf8))
            continuation.yield(Array("line two\n".utf8))
            continuation.finish()
            let client = bodiesClient(server.baseURL)
            let stored = try await client.files.upload(
                purpose: .vision,
                note: "Quarterly scan ✓",
                file: try MultipartFile(contentsOf: file, headers: ["X-Checksum": "sha256:abc"]),
                attachments: [
                    MultipartFile(Data("first attachment".utf8), filename: "one.txt", contentType: "text/plain"),
                    MultipartFile(log, filename: "two.log"),
                ],
                labels: ["finance", "q3"],
                metadata: FileMetadata(source: "scanner", pages: 3)
            )
            #expect(stored.id == "file_1")
        }
        let (contentType, _, body) = received.get()
        #expect(contentType.hasPrefix("multipart/form-data; boundary=spindle-"))
        let message = try await Python.parseMultipart(body, contentType: contentType)
        #expect(message.isMultipart)
        #expect(message.defects.isEmpty)
        typealias Part = Python.ParsedMessage.Part
        let parts = message.parts
        #expect(parts.map(\.name) == ["purpose", "note", "file", "attachments", "attachments", "labels", "labels", "metadata"])
        #expect(parts.map(\.filename) == [nil, nil, file.lastPathComponent, "one.txt", "two.log", nil, nil, nil])
        // The file's media type is the encoding's first; the byte sequence's is the schema's contentMediaType.
        #expect(parts.map(\.contentType) == [nil, nil, "image/png", "text/plain", "application/octet-stream", nil, nil, "application/json"])
        #expect(parts[2].checksum == "sha256:abc")
        #expect(parts[2].data == Self.binary)
        #expect(parts.map(\.text)[0...1] == ["vision", "Quarterly scan ✓"])
        #expect(parts[3].text == "first attachment")
        #expect(parts[4].text == "line one\r\nline two\n")
        #expect(parts[5...6].map(\.text) == ["finance", "q3"])
        #expect(parts[7].text == #"{"pages":3,"source":"scanner"}"#)
    }

    @Test func aMultipartResponseDecodesIntoItsForm() async throws {
        let boundary = "bundle-7f3a"
        var body = Data()
        func part(_ headers: [String], _ content: Data) {
            body += Data(("--\(boundary)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + content + Data("\r\n".utf8)
        }
        part([#"Content-Disposition: form-data; name="name""#], Data("Annual report".utf8))
        part([#"Content-Disposition: form-data; name="pages""#], Data("42".utf8))
        part([#"Content-Disposition: form-data; name="createdAt""#], Data("2025-03-01T10:00:00Z".utf8))
        part([#"Content-Disposition: form-data; name="manifest""#, "Content-Type: application/json"], Data(#"{"source":"print","pages":42}"#.utf8))
        part([#"Content-Disposition: form-data; name="original"; filename="report.pdf""#, "Content-Type: application/pdf"], Self.binary)
        part([#"Content-Disposition: form-data; name="thumbnails"; filename="1.png""#, "Content-Type: image/png"], Data([1, 2, 3]))
        part([#"Content-Disposition: form-data; name="thumbnails"; filename="2.png""#, "Content-Type: image/png"], Data([4, 5]))
        body += Data("--\(boundary)--\r\n".utf8)
        let response = body
        let accept = Locked<String?>(nil)
        try await StreamingTestServer.run({ connection in
            accept.set(connection.header("Accept"))
            try connection.writeHead(headers: ["Content-Type": "multipart/form-data; boundary=\"\(boundary)\""])
            // In pieces that split the framing anywhere.
            var offset = 0
            while offset < response.count {
                let end = min(response.count, offset + 7_919)
                try connection.writeChunk(response[offset..<end])
                offset = end
            }
            try connection.finishChunks()
        }) { server in
            let bundle = try await bodiesClient(server.baseURL).files.bundle(id: "file_1")
            #expect(bundle.name == "Annual report")
            #expect(bundle.pages == 42)
            #expect(bundle.createdAt == Date(timeIntervalSince1970: 1_740_823_200))
            #expect(bundle.manifest == FileMetadata(source: "print", pages: 42))
            #expect(bundle.original.filename == "report.pdf")
            #expect(bundle.original.contentType == "application/pdf")
            #expect(try await bundle.original.content.collect(upTo: 1 << 20) == Self.binary)
            #expect(bundle.thumbnails.map(\.filename) == ["1.png", "2.png"])
            #expect(try await bundle.thumbnails[1].content.collect(upTo: 10) == Data([4, 5]))
        }
        #expect(accept.get() == "multipart/form-data")
    }

    @Test func aMultipartResponseMissingARequiredPartIsADecodingError() async throws {
        let body = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n"
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "multipart/form-data; boundary=b", "Content-Length": "\(body.utf8.count)"])
            try connection.write(Array(body.utf8))
        }) { server in
            let error = await thrown { () async throws(BodiesError) in
                _ = try await bodiesClient(server.baseURL).files.bundle(id: "file_1")
            }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected a decoding error, got \(String(describing: error))")
                return
            }
            #expect(failure.path == "original")
            #expect(failure.message == "Required part \"original\" is missing.")
        }
    }
}
