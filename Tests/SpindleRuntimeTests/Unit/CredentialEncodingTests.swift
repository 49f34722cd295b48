import Foundation
import SpindleRuntime
import Testing

/// A credential a server echoes back in any encoding stays out of errors and logs: in a header, in a body,
/// in a redirect's `Location`.
@Suite("Credentials echoed in every encoding")
struct CredentialEncodingTests {
    /// Every character here is one some encoder escapes and another leaves alone; its base64 has `/` and
    /// `=` (base64url `_`).
    static let key = "k>?~ +/ey="

    /// `key` as servers write it back, written out by hand rather than by the code under test.
    static let keyEchoes: [String] = [
        "k>?~ +/ey=",  // as is
        "k%3E%3F%7E%20%2B%2Fey%3D",  // percent-encoded, upper-case hex
        "k%3e%3f%7e%20%2b%2fey%3d",  // lower-case hex
        "k%3E%3F%7E+%2B%2Fey%3D",  // application/x-www-form-urlencoded: a space is `+`
        "k%3E?~%20%2B/ey%3D",  // RFC 3986 query: `?`, `~`, `/` left literal
        "k%3E%3F~%20%2B%2Fey%3D",  // RFC 3986 path segment: only `~` left literal
        "k%253E%253F%257E%2520%252B%252Fey%253D",  // percent-encoded twice (a URL inside a query)
        "k>?~  /ey=",  // a form decoder's reading of an unescaped `+`
        #"k\u003E?~ +\/ey="#,  // JSON-escaped (.NET escapes `>`, PHP escapes `/`)
        "az4/fiArL2V5PQ==",  // base64
        "az4/fiArL2V5PQ",  // base64 without padding
        "az4_fiArL2V5PQ==",  // base64url
        "az4_fiArL2V5PQ",  // base64url without padding
        "az4%2FfiArL2V5PQ%3D%3D",  // base64, then percent-encoded
    ]

    static let user = "ops"
    static let password = "pa ss+w/rd?~>"

    /// The basic-auth password and `ops:pa ss+w/rd?~>` as servers write them back.
    static let basicEchoes: [String] = [
        "pa ss+w/rd?~>",
        "pa%20ss%2Bw%2Frd%3F~%3E",
        "pa+ss%2bw%2frd%3f%7e%3e",
        "b3BzOnBhIHNzK3cvcmQ/fj4=",  // base64 of user:password, the Authorization token
        "b3BzOnBhIHNzK3cvcmQ_fj4",  // base64url, unpadded
        "Basic b3BzOnBhIHNzK3cvcmQ%2Ffj4%3D",
    ]

    @Test("an API key echoed in the headers and body of an error response", arguments: keyEchoes)
    func apiKeyInAnErrorResponse(echo: String) async throws {
        let (error, logs) = await errorAndLogs(
            credential: .apiKey(Self.key), security: [.apiKey(name: "X-Key", in: .header)],
            reply: HTTPResponse(
                status: 401, headers: ["X-Echo": echo, "X-Request-Id": echo, "Content-Type": "application/json"],
                body: Data(#"{"error":"unknown key \#(echo)"}"#.utf8))
        )
        guard case .api(let response) = error else {
            Issue.record("Expected an API error, got \(String(describing: error))")
            return
        }
        #expect(response.headers["X-Echo"] == echo, "the property keeps what the server sent")
        expectNoEcho(of: Self.keyEchoes + [Self.key], in: renderings(of: error) + logs)
        #expect(error.map(\.description)?.contains("<redacted>") == true)
    }

    @Test("an API key echoed in a redirect's Location", arguments: keyEchoes)
    func apiKeyInARedirect(echo: String) async throws {
        let (error, logs) = await errorAndLogs(
            credential: .apiKey(Self.key), security: [.apiKey(name: "X-Key", in: .header)],
            reply: HTTPResponse(status: 302, headers: ["Location": "https://elsewhere.example/cb?leak=\(echo)"])
        )
        guard case .redirect = error else {
            Issue.record("Expected a redirect error, got \(String(describing: error))")
            return
        }
        expectNoEcho(of: Self.keyEchoes + [Self.key], in: renderings(of: error) + logs)
    }

    @Test("a basic password and token echoed in a response and a redirect", arguments: basicEchoes)
    func basicCredentials(echo: String) async throws {
        for reply in [
            HTTPResponse(status: 403, headers: ["X-Echo": echo], body: Data("denied for \(echo)".utf8)),
            HTTPResponse(status: 307, headers: ["Location": "https://elsewhere.example/?auth=\(echo)"]),
        ] {
            let (error, logs) = await errorAndLogs(
                credential: .basic(username: Self.user, password: Self.password), security: [.basic], reply: reply
            )
            #expect(error != nil)
            expectNoEcho(of: Self.basicEchoes, in: renderings(of: error) + logs)
        }
    }

    private func errorAndLogs(
        credential: Credential, security: [SecurityScheme], reply: HTTPResponse
    ) async -> (TestError?, [String]) {
        let logs = LogRecorder()
        let transport = RecordingTransport(replies: [.response(reply)])
        let client = APIClient(
            serverURL: URL(string: "https://api.example.com")!,
            configuration: instantConfiguration(transport: transport, retryPolicy: .never, logger: logs.logger),
            security: security,
            credential: credential
        )
        let error = await expectClientError { () async throws(TestError) in
            try await client.send(HTTPRequestBuilder(method: .get, path: "/me"), errors: TestErrorBody.decode)
        }
        return (error, logs.events.flatMap(renderings(of:)))
    }
}

/// Every way an app may turn a value into text: description, `String(reflecting:)`, `localizedDescription`
/// for errors, and `dump`.
func renderings(of value: Any?) -> [String] {
    guard let value else { return [] }
    var dumped = ""
    dump(value, to: &dumped)
    var texts = [String(describing: value), String(reflecting: value), dumped]
    if let error = value as? any Error { texts.append(error.localizedDescription) }
    return texts
}

/// Fails for each text that holds one of `echoes`.
func expectNoEcho(of echoes: [String], in texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!texts.isEmpty, sourceLocation: sourceLocation)
    for text in texts {
        for echo in echoes where text.contains(echo) {
            Issue.record("\"\(echo)\" shows in: \(text)", sourceLocation: sourceLocation)
        }
    }
}
