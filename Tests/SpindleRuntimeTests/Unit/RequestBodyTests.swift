import Foundation
import SpindleRuntime
import Testing

@Suite("Request bodies")
struct RequestBodyTests {
    private let server = URL(string: "https://api.example.com")!

    struct NewWidget: Codable, Sendable {
        var name: String
        var tags: [String]
        var meta: [String: String]
        var note: String?
        var createdAt: Date
    }

    private let widget = NewWidget(
        name: "Big Widget & co", tags: ["a", "b"], meta: ["color": "red"], note: nil, createdAt: january1
    )

    @Test("JSON bodies use sorted keys, RFC 3339 dates and a content type")
    func json() throws {
        var builder = HTTPRequestBuilder(method: .post, path: "/widgets")
        builder.setJSONBody(widget)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.body?.text
            == #"{"createdAt":"2025-01-01T00:00:00.000Z","meta":{"color":"red"},"name":"Big Widget & co","tags":["a","b"]}"#)
    }

    @Test("a nil JSON body sends no body")
    func nilJSON() throws {
        var builder = HTTPRequestBuilder(method: .post, path: "/widgets")
        builder.setJSONBody(NewWidget?.none)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.body == nil)
        #expect(!request.headers.contains("Content-Type"))
    }

    @Test("form bodies: arrays repeat, objects use brackets, spaces become +")
    func form() throws {
        var builder = HTTPRequestBuilder(method: .post, path: "/widgets")
        builder.setFormBody(widget)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.body?.text
            == "createdAt=2025-01-01T00%3A00%3A00.000Z&meta%5Bcolor%5D=red&name=Big+Widget+%26+co&tags=a&tags=b")
    }

    @Test("multipart bodies")
    func multipart() throws {
        var builder = HTTPRequestBuilder(method: .post, path: "/upload")
        let parts: [MultipartPart] = [
            .field("purpose", "avatar"),
            .field("missing", String?.none),
            .json("meta", ["k": "v"]),
            MultipartPart(name: "file", filename: "a \"b\".txt", contentType: "text/plain", data: Data("hello".utf8)),
        ].compactMap { $0 }
        builder.setMultipartBody(parts, boundary: "XYZ")
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.headers["Content-Type"] == "multipart/form-data; boundary=XYZ")
        let expected = [
            "--XYZ",
            #"Content-Disposition: form-data; name="purpose""#,
            "",
            "avatar",
            "--XYZ",
            #"Content-Disposition: form-data; name="meta""#,
            "Content-Type: application/json",
            "",
            #"{"k":"v"}"#,
            "--XYZ",
            #"Content-Disposition: form-data; name="file"; filename="a %22b%22.txt""#,
            "Content-Type: text/plain",
            "",
            "hello",
            "--XYZ--",
            "",
        ].joined(separator: "\r\n")
        #expect(request.body?.text == expected)
    }

    @Test("raw bodies keep their bytes and media type; an explicit Content-Type wins")
    func raw() throws {
        var builder = HTTPRequestBuilder(method: .put, path: "/blob")
        builder.setBody(Data([0, 1, 2]), contentType: "application/octet-stream")
        #expect(try builder.makeRequest(serverURL: server).body == Data([0, 1, 2]))
        builder.setHeader("Content-Type", "image/png")
        #expect(try builder.makeRequest(serverURL: server).headers["Content-Type"] == "image/png")
    }

    @Test("a body that cannot be encoded fails with its coding path")
    func encodingFailurePath() {
        struct Holder: Encodable, Sendable { var values: [Double] }
        var builder = HTTPRequestBuilder(method: .post, path: "/")
        builder.setJSONBody(Holder(values: [1, .nan]))
        #expect {
            try builder.makeRequest(serverURL: server)
        } throws: { error in
            (error as? EncodingFailure)?.path == "values[1]"
        }
    }
}
