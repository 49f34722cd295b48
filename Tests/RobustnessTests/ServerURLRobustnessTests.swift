import Foundation
import SpindleGenerator
import SpindleIR
import Testing

/// Server URLs a client cannot be created with: a located warning, and a client that defaults to
/// `http://localhost` instead of trapping in `URL(string:)!` when created.
extension Robustness {
@Suite struct ServerURLRobustnessTests {
    static func spec(servers: String) -> String {
        "openapi: 3.1.0\ninfo: {title: Shop, version: 1.0.0}\nservers:\n\(servers)\npaths: {}\n"
    }

    /// Regression: each of these generated `URL(string: "…")!`, which traps when the client is created.
    @Test(arguments: [
        ("- url: 'http://['", "openapi.yaml:4:8: warning: server URL 'http://[' has an unclosed '[' in its host"),
        ("- url: ''", "openapi.yaml:4:8: warning: server URL '' is empty"),
        ("- url: '{{baseUrl}}'", "openapi.yaml:4:8: warning: server URL '{{baseUrl}}' is relative: it has no scheme"),
        ("- url: 'ht tp://x'", "openapi.yaml:4:8: warning: server URL 'ht tp://x' is relative: it has no scheme"),
        ("- url: 'https://api.example.com/v 1'", "openapi.yaml:4:8: warning: server URL 'https://api.example.com/v 1' has the character ' ', which must be percent-encoded"),
        ("- url: 'https://exämple.com'", "openapi.yaml:4:8: warning: server URL 'https://exämple.com' has a non-ASCII host; write it in punycode"),
        ("- url: /v1", "openapi.yaml:4:8: warning: server URL '/v1' is relative: it has no scheme"),
        ("- url: 'ftp://example.com'", "openapi.yaml:4:8: warning: server URL 'ftp://example.com' is not an http or https URL"),
        ("- url: 'https://example.com:99999'", "openapi.yaml:4:8: warning: server URL 'https://example.com:99999' has an invalid port"),
        ("- url: 'https://example.com/%zz'", "openapi.yaml:4:8: warning: server URL 'https://example.com/%zz' has a '%' that does not start a percent-escape"),
        ("- url: \"https://example.com/\\n}\"", "openapi.yaml:4:8: warning: server URL 'https://example.com/\\n}' has the character '\n', which must be percent-encoded"),
        ("- url: 'https://{region}.example.com'\n  variables: {region: {default: 'e u'}}",
         "openapi.yaml:4:8: warning: server URL 'https://e u.example.com' (with its variables' defaults) has the character ' ' in its host"),
    ])
    func anUnusableServerURLWarnsAndCannotTrap(_ servers: String, _ expected: String) async throws {
        let generation = try await generate(Self.spec(servers: servers))
        let suffix = "; the generated client's defaultServerURL is http://localhost instead: pass serverURL [-Winvalid-server-url]"
        #expect(generation.diagnostics == [expected + suffix])
        #expect(generation.succeeded)
        let client = try generation.file("ShopClient.swift")
        #expect(client.contains("public static let defaultServerURL = URL(string: \"http://localhost\") ?? URL(fileURLWithPath: \"/\")\n"))
        #expect(!client.contains(")!"))
    }

    @Test func theFallbackTypeChecks() async throws {
        let generation = try await generate(Self.spec(servers: "- url: '{{baseUrl}}'"))
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    /// Usable URLs are kept, variables (`{region}`) replaced by their defaults; only the first server,
    /// the one clients default to, is checked.
    @Test(arguments: [
        ("- url: https://api.example.com/v1", "https://api.example.com/v1"),
        ("- url: 'http://[::1]:8080/'", "http://[::1]:8080/"),
        ("- url: 'https://user@example.com:443/a%20b?x=1'", "https://user@example.com:443/a%20b?x=1"),
        ("- url: 'https://{region}.example.com/{version}'\n  variables: {region: {default: eu, enum: [eu, us]}, version: {default: v2}}", "https://eu.example.com/v2"),
        ("- url: https://api.example.com\n- url: '{{second}}'", "https://api.example.com"),
    ])
    func aUsableServerURLIsKept(_ servers: String, _ url: String) async throws {
        let generation = try await generate(Self.spec(servers: servers))
        #expect(generation.diagnostics == [])
        let client = try generation.file("ShopClient.swift")
        #expect(client.contains("defaultServerURL = URL(string: \"\(url)\") ?? URL(fileURLWithPath: \"/\")"))
        #expect(client.contains("/// The server the API documents: `\(url)`."))
    }

    /// What the check accepts, this platform's Foundation parses, with the same host.
    @Test(arguments: ["https://api.example.com/v1", "http://[::1]:8080/", "https://user@example.com:443/a%20b?x=1#f", "http://localhost", "https://a.b-c.d/~x/(y)/!$&'*+,;="])
    func acceptedURLsParse(_ url: String) throws {
        #expect(ServerURL.problem(url) == nil)
        let parsed = try #require(URL(string: url))
        #expect(parsed.scheme != nil)
        #expect(parsed.host?.isEmpty == false)
    }
}
}
