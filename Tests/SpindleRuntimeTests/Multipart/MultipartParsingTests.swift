import Foundation
import SpindleRuntime
import Testing

/// Multipart bodies parse part by part as the bytes arrive, into forms that decode typed values.
@Suite struct MultipartParsingTests {
    static let body = [
        "preamble to skip",
        "--XyZ",
        #"Content-Disposition: form-data; name="count""#,
        "",
        "42",
        "--XyZ  ",
        #"Content-Disposition: form-data; name="tags""#,
        "",
        "a",
        "--XyZ",
        #"Content-Disposition: form-data;"#,
        #"  name="tags""#,
        "",
        "b",
        "--XyZ",
        #"Content-Disposition: form-data; name="meta""#,
        "Content-Type: application/json",
        "",
        #"{"when":"2025-01-01T00:00:00Z","ok":true}"#,
        "--XyZ",
        #"Content-Disposition: form-data; name="report"; filename="r.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv"#,
        "Content-Type: text/csv",
        "",
        "a,b\r\n1,2",
        "--XyZ--",
        "epilogue to skip",
    ].joined(separator: "\r\n")

    struct Meta: Decodable, Equatable {
        var when: Date
        var ok: Bool
    }

    @Test func everySplitGivesTheSameParts() async throws {
        for chunks in ChunkedBytes.everySplit(of: Self.body) {
            let parts = try await Array(chunks.multipartParts(boundary: "XyZ"))
            #expect(parts.map(\.name) == ["count", "tags", "tags", "meta", "report"], "chunks \(chunks.chunks.map(\.count))")
            #expect(parts.last?.filename == "résumé.csv")
            #expect(parts.last?.contentType == "text/csv")
        }
    }

    @Test func aFormDecodesTypedValuesFilesAndRepeatedParts() async throws {
        let form = MultipartForm(try await Array(ChunkedBytes([Array(Self.body.utf8)]).multipartParts(boundary: "XyZ")))
        #expect(try form.value("count") == 42)
        #expect(try form.value("count") == "42")
        #expect(try form.values("tags") == ["a", "b"])
        #expect(try form.value("meta", as: Meta.self) == Meta(when: Date(timeIntervalSince1970: 1_735_689_600), ok: true))
        let report = try form.file("report")
        #expect(report.filename == "résumé.csv")
        #expect(try await report.content.collect(upTo: 100) == Data("a,b\r\n1,2".utf8))
        #expect(try form.optionalValue("missing", as: String.self) == nil)
        #expect(throws: DecodingFailure(message: "Required part \"absent\" is missing.", path: "absent", rawBody: Data())) {
            try form.value("absent", as: Int.self)
        }
        // Only `when` is no Bool, so the failure's path is determined (dictionary order is not).
        #expect { try form.value("meta", as: [String: Bool].self) } throws: { error in
            (error as? DecodingFailure)?.path == "meta.when"
        }
    }

    @Test func aBodyEndingBeforeTheCloseDelimiterIsTruncated() async throws {
        let cut = String(Self.body.prefix(120))
        let (parts, error) = await collect(ChunkedBytes([Array(cut.utf8)]).multipartParts(boundary: "XyZ"))
        #expect(parts.map(\.name) == ["count"])
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.kind == .truncated)
        #expect(failure.index == 1)
    }

    @Test func aPartLargerThanTheLimitFails() async throws {
        let (_, error) = await collect(ChunkedBytes([Array(Self.body.utf8)]).multipartParts(boundary: "XyZ", maxPartBytes: 20))
        #expect((error as? StreamDecodingError)?.kind == .tooLarge(limit: 20))
    }

    @Test func aBodyWithoutTheBoundaryIsAnError() async throws {
        let (_, error) = await collect(ChunkedBytes([Array(Self.body.utf8)]).multipartParts(boundary: "other"))
        #expect((error as? StreamDecodingError)?.kind == .truncated)
    }

    @Test func whatTheWriterWritesTheParserReads() async throws {
        var form = MultipartForm()
        form.append("name", "Zoë \"quoted\"")
        form.append("file", file: MultipartFile(Data((0...255).map { UInt8($0) }), filename: "bytes.bin"), contentType: "application/octet-stream")
        var builder = HTTPRequestBuilder(method: .post, path: "/")
        builder.setMultipartBody(form.parts, boundary: "round-trip")
        let body = try #require(try builder.makeRequest(serverURL: URL(string: "https://x.example")!).body)
        let parts = try await Array(ChunkedBytes([Array(body)]).multipartParts(boundary: "round-trip"))
        let read = MultipartForm(parts)
        #expect(try read.value("name") == "Zoë \"quoted\"")
        #expect(try await read.file("file").content.collect(upTo: 1000) == Data((0...255).map { UInt8($0) }))
    }
}
