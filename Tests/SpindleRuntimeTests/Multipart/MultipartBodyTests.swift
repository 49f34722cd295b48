import Foundation
import SpindleRuntime
import Testing

/// Multipart request bodies: framed by RFC 7578, assembled in memory when every part is, streamed part by
/// part (with a length and replayability made from the parts') when one is a file or a stream.
@Suite struct MultipartBodyTests {
    private let server = URL(string: "https://api.example.com")!

    func streamingBody(_ builder: HTTPRequestBuilder) throws -> HTTPBody {
        let (request, body) = try builder.makeStreamingRequest(serverURL: server)
        #expect(request.body == nil)
        return try #require(body)
    }

    @Test func aFilePartMakesTheBodyStreamWithItsLengthAndReplayable() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-multipart-\(UUID().uuidString).txt")
        try Data("file content".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var form = MultipartForm()
        form.append("purpose", "avatar")
        form.append("file", file: try MultipartFile(contentsOf: file, contentType: "text/plain", headers: ["X-Checksum": "abc"]))
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody(form.parts, boundary: "B")
        #expect(builder.hasStreamingBody)
        let body = try streamingBody(builder)
        let expected = [
            "--B", #"Content-Disposition: form-data; name="purpose""#, "", "avatar",
            "--B", #"Content-Disposition: form-data; name="file"; filename="\#(file.lastPathComponent)""#,
            "Content-Type: text/plain", "X-Checksum: abc", "", "file content",
            "--B--", "",
        ].joined(separator: "\r\n")
        #expect(body.length == .known(Int64(expected.utf8.count)))
        #expect(body.iterationBehavior == .multiple)
        #expect(String(decoding: try await body.collect(upTo: 10_000), as: UTF8.self) == expected)
        // Read again, as a retry does.
        #expect(String(decoding: try await body.collect(upTo: 10_000), as: UTF8.self) == expected)
    }

    @Test func aOneShotPartMakesTheBodyOneShotOfUnknownLength() async throws {
        let (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        continuation.yield(Array("abc".utf8))
        continuation.yield(Array("def".utf8))
        continuation.finish()
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody([.file("log", MultipartFile(chunks, filename: "log.txt"))].compactMap { $0 }, boundary: "B")
        let body = try streamingBody(builder)
        #expect(body.length == .unknown)
        #expect(body.iterationBehavior == .single)
        let text = String(decoding: try await body.collect(upTo: 10_000), as: UTF8.self)
        #expect(text.hasSuffix("\r\n\r\nabcdef\r\n--B--\r\n"))
        await #expect(throws: HTTPBodyError(.alreadyIterated)) { try await body.collect(upTo: 10_000) }
    }

    @Test func aPartShorterThanItAnnouncedFailsInsteadOfSendingAWrongLength() async throws {
        let (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        continuation.yield(Array("abc".utf8))
        continuation.finish()
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody([.file("log", MultipartFile(chunks, length: .known(10)))].compactMap { $0 }, boundary: "B")
        let body = try streamingBody(builder)
        await #expect(throws: HTTPBodyError(.lengthMismatch(expected: 10, received: 3))) { try await body.collect(upTo: 10_000) }
    }

    @Test func partsInMemoryMakeAWholeBody() throws {
        var form = MultipartForm()
        form.append("tags", each: ["a", "b"])
        form.appendJSON("meta", ["k": 1])
        form.append("photo", file: MultipartFile(Data([0xFF, 0x00]), filename: "p.png"), contentType: "image/png")
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody(form.parts, boundary: "B")
        #expect(!builder.hasStreamingBody)
        let body = try #require(try builder.makeRequest(serverURL: server).body)
        let expected = Data([
            "--B", #"Content-Disposition: form-data; name="tags""#, "", "a",
            "--B", #"Content-Disposition: form-data; name="tags""#, "", "b",
            "--B", #"Content-Disposition: form-data; name="meta""#, "Content-Type: application/json", "", #"{"k":1}"#,
            "--B", #"Content-Disposition: form-data; name="photo"; filename="p.png""#, "Content-Type: image/png", "", "",
        ].joined(separator: "\r\n").utf8) + [0xFF, 0x00] + Data("\r\n--B--\r\n".utf8)
        #expect(body == expected)
    }

    @Test(arguments: ["", String(repeating: "b", count: 71), "a\"b", "ends with space "])
    func aBoundaryRFC2046ForbidsIsAnEncodingFailure(boundary: String) {
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody([.field("a", "1")].compactMap { $0 }, boundary: boundary)
        #expect(throws: EncodingFailure.self) { try builder.makeRequest(serverURL: server) }
    }

    @Test func contentHoldingTheBoundaryAndHeaderInjectionAreEncodingFailures() {
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        builder.setMultipartBody([.field("a", "x\r\n--B\r\ny")].compactMap { $0 }, boundary: "B")
        #expect(throws: EncodingFailure.self) { try builder.makeRequest(serverURL: server) }
        builder.setMultipartBody([MultipartPart(name: "a", contentType: "text/plain\r\nX-Evil: 1", data: Data())], boundary: "B")
        #expect(throws: EncodingFailure.self) { try builder.makeRequest(serverURL: server) }
    }
}
