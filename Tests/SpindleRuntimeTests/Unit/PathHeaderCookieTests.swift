import Foundation
import SpindleRuntime
import Testing

@Suite("Path, header and cookie parameters")
struct PathHeaderCookieTests {
    private let server = URL(string: "https://api.example.com/v1/")!

    @Test("path values are percent-encoded except unreserved characters")
    func pathEncoding() throws {
        var builder = HTTPRequestBuilder(method: .get, path: "/files/{path}/versions/{version}")
        builder.setPathParameter("path", "a/b c")
        builder.setPathParameter("version", 3)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.url.absoluteString == "https://api.example.com/v1/files/a%2Fb%20c/versions/3")
    }

    @Test("path styles: simple, label and matrix")
    func pathStyles() {
        func path(_ style: PathStyle, explode: Bool) -> String {
            var builder = HTTPRequestBuilder(method: .get, path: "/items/{ids}")
            builder.setPathParameter("ids", [1, 2], style: style, explode: explode)
            return builder.path
        }
        #expect(path(.simple, explode: false) == "/items/1,2")
        #expect(path(.label, explode: false) == "/items/.1,2")
        #expect(path(.label, explode: true) == "/items/.1.2")
        #expect(path(.matrix, explode: false) == "/items/;ids=1,2")
        #expect(path(.matrix, explode: true) == "/items/;ids=1;ids=2")
    }

    @Test("an unset path parameter is an encoding failure")
    func missingPathParameter() {
        let builder = HTTPRequestBuilder(method: .get, path: "/items/{id}")
        #expect(throws: EncodingFailure.self) { try builder.makeRequest(serverURL: server) }
    }

    @Test("headers use simple style without percent-encoding")
    func headers() throws {
        var builder = HTTPRequestBuilder(method: .get, path: "/")
        builder.setHeader("X-ACCOUNT-ID", "acc 1")
        builder.setHeader("X-Tags", ["a", "b"])
        builder.setHeader("X-Filter", CreatedAtFilter(gt: january1), explode: true)
        builder.setHeader("X-Missing", String?.none)
        builder.setHeader("x-api-version", "2.1")
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.headers["x-account-id"] == "acc 1")
        #expect(request.headers["X-TAGS"] == "a,b")
        #expect(request.headers["X-Filter"] == "gt=2025-01-01T00:00:00.000Z")
        #expect(!request.headers.contains("X-Missing"))
        #expect(request.headers.fields.map(\.name) == ["X-ACCOUNT-ID", "X-Tags", "X-Filter", "x-api-version"])
    }

    @Test("header values with line breaks are rejected")
    func headerInjection() {
        var builder = HTTPRequestBuilder(method: .get, path: "/")
        builder.setHeader("X-Name", "a\r\nX-Evil: 1")
        #expect(builder.encodingFailure != nil)
    }

    @Test("cookies share one Cookie header")
    func cookies() throws {
        var builder = HTTPRequestBuilder(method: .get, path: "/")
        builder.addCookie("session", "abc")
        builder.addCookie("theme", "dark mode;x")
        builder.addCookie("absent", Int?.none)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.headers["Cookie"] == "session=abc; theme=dark%20mode%3Bx")
    }

    @Test("the server URL's path is a prefix and the query follows the path")
    func urlAssembly() throws {
        var builder = HTTPRequestBuilder(method: .get, path: "/customers/{id}/integrations")
        builder.setPathParameter("id", "c-1")
        builder.addQuery("limit", 10)
        let request = try builder.makeRequest(serverURL: server)
        #expect(request.url.absoluteString == "https://api.example.com/v1/customers/c-1/integrations?limit=10")
    }

    @Test("HTTPHeaders look names up case-insensitively and keep order")
    func headerCollection() {
        var headers: HTTPHeaders = ["Accept": "a", "X-One": "1"]
        headers.add("x-one", "2")
        #expect(headers.values(for: "X-ONE") == ["1", "2"])
        headers.set("X-One", "3")
        #expect(headers.fields.map(\.value) == ["a", "3"])
        headers["accept"] = nil
        #expect(headers.fields.map(\.name) == ["X-One"])
    }
}
