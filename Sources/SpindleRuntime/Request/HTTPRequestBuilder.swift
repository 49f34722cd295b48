import Foundation

/// Collects one operation's parameters and body, then builds an `HTTPRequest` against a server URL.
///
/// Generated operations fill a builder in parameter order and hand it to `APIClient.send`. Setters never
/// throw: a value that cannot be encoded is remembered in `encodingFailure` and `send` reports it as
/// `ClientError.encoding`, which keeps generated code free of error plumbing. `nil` values are omitted.
public struct HTTPRequestBuilder: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The path relative to the server URL, with `{name}` placeholders, e.g. `/api/v1/customers/{id}`.
    public var pathTemplate: String
    /// Header fields set so far.
    public var headers: HTTPHeaders = [:]
    /// The operation's security requirements (OpenAPI `security`), by the names of the client's
    /// ``APIClient/securitySchemes``: any one of them will do, with credentials for every scheme it names; an
    /// empty requirement among them makes credentials optional, and `[]` sends none. `nil` (the default) uses
    /// the client's ``APIClient/defaultSecurity``. Takes precedence over `security`.
    ///
    /// When no requirement is satisfied, the call fails with `ClientError.missingCredential` before anything
    /// is sent, unless a default header, a per-call header or a middleware supplies what is missing.
    public var securityRequirements: [SecurityRequirement]?
    /// The security schemes this operation accepts, any one of them, overriding the client's; `[]` sends no
    /// credentials, `nil` (the default) uses the client's. For clients made with one credential
    /// (``APIClient/init(serverURL:configuration:security:credential:credentialEnvironmentVariable:)``);
    /// `securityRequirements` names schemes and can require several together.
    public var security: [SecurityScheme]?
    /// Whether the operation may be sent without a credential (OpenAPI `{}` among its security
    /// requirements), with `security` or the client's default requirements. When `false` and the schemes are
    /// not empty, a call without a fitting credential fails with `ClientError.missingCredential` before
    /// anything is sent.
    public var isSecurityOptional = false
    /// The operation this request performs, as the generated client names it (`customers.list`); logs carry
    /// it (``LogEvent/operation``).
    public var operation: String?
    /// The first encoding problem met, reported by `makeRequest` and `APIClient.send`.
    public private(set) var encodingFailure: EncodingFailure?

    private var pathValues: [String: String] = [:]
    private var queryPairs: [ParameterSerializer.QueryPair] = []
    private var cookies: [(name: String, value: String)] = []
    var body: RequestBody?

    /// Starts a request for `method` and `path` (a template with `{name}` placeholders), performing
    /// `operation` when given (see ``operation``).
    public init(method: HTTPMethod, path: String, operation: String? = nil) {
        self.method = method
        pathTemplate = path
        self.operation = operation
    }

    // MARK: Parameters

    /// Fills the `{name}` placeholder. Every character outside RFC 3986 unreserved is percent-encoded, so
    /// `a/b c` becomes `a%2Fb%20c`; array items are comma-separated (`simple` style).
    public mutating func setPathParameter(
        _ name: String,
        _ value: some ParameterEncodable,
        style: PathStyle = .simple,
        explode: Bool = false
    ) {
        guard let parameter = encoded(value, location: "path parameter \(name)") else { return }
        pathValues[name] = ParameterSerializer.path(name: name, value: parameter, style: style, explode: explode)
    }

    /// Appends a query parameter, keeping call order. Defaults to OpenAPI's `form` style, exploded.
    public mutating func addQuery<Value: ParameterEncodable>(
        _ name: String,
        _ value: Value?,
        style: QueryStyle = .form,
        explode: Bool = true
    ) {
        guard let value, let parameter = encoded(value, location: "query parameter \(name)") else { return }
        queryPairs += ParameterSerializer.query(name: name, value: parameter, style: style, explode: explode)
    }

    /// Sets a header parameter (`simple` style: arrays comma-joined), replacing earlier values of the same
    /// header. Values containing line breaks are rejected to prevent header injection.
    public mutating func setHeader<Value: ParameterEncodable>(_ name: String, _ value: Value?, explode: Bool = false) {
        guard let value, let parameter = encoded(value, location: "header \(name)") else { return }
        let text = ParameterSerializer.header(parameter, explode: explode)
        // Scalars, not Characters: "\r\n" is a single Character equal to neither "\r" nor "\n".
        guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            recordFailure(EncodingFailure(message: "The value of header \(name) contains a line break."))
            return
        }
        headers.set(name, text)
    }

    /// Adds a cookie parameter; all cookies are sent in one `Cookie: a=1; b=2` header.
    public mutating func addCookie<Value: ParameterEncodable>(_ name: String, _ value: Value?, explode: Bool = true) {
        guard let value, let parameter = encoded(value, location: "cookie \(name)") else { return }
        cookies += ParameterSerializer.cookie(name: name, value: parameter, explode: explode)
    }

    // MARK: Bodies

    /// Sets a JSON body, encoded with the client's `JSONEncoder` when sent; `nil` leaves the body empty.
    public mutating func setJSONBody<Body: Encodable & Sendable>(_ body: Body?, contentType: String = "application/json") {
        guard let body else { return }
        self.body = RequestBody(contentType: contentType) { encoder throws(EncodingFailure) in
            do {
                return try JSONCoding.encode(body, encoder: encoder)
            } catch {
                throw EncodingFailure(error)
            }
        }
    }

    /// Sets an `application/x-www-form-urlencoded` body from an object: arrays repeat the key, nested objects
    /// use `key[property]`, `null`s are left out, spaces become `+`.
    public mutating func setFormBody<Body: Encodable & Sendable>(_ body: Body?) {
        guard let body else { return }
        self.body = RequestBody(contentType: "application/x-www-form-urlencoded") { encoder throws(EncodingFailure) in
            Data(try FormEncoder.encode(body, encoder: encoder).utf8)
        }
    }

    /// Sets a `multipart/form-data` body (RFC 7578); `nil` leaves the body empty. `boundary` defaults to a
    /// random one.
    ///
    /// When a part's content is a stream (a file, an `AsyncSequence`), the body streams too: it is read
    /// part by part as it is sent, with a `Content-Length` when every part's length is known, and it can be
    /// sent again (a retry, a 307/308 redirect) when every part can. Otherwise it is assembled in memory.
    public mutating func setMultipartBody(_ parts: [MultipartPart]?, boundary: String? = nil) {
        guard let parts else { return }
        let boundary = boundary ?? MultipartBodyWriter.randomBoundary()
        let contentType = "multipart/form-data; boundary=\(boundary)"
        if parts.allSatisfy(\.isInMemory) {
            body = RequestBody(contentType: contentType) { encoder throws(EncodingFailure) in
                try MultipartBodyWriter.data(parts, boundary: boundary, encoder: encoder)
            }
        } else {
            body = RequestBody(contentType: contentType, stream: { encoder throws(EncodingFailure) in
                try MultipartBodyWriter.body(parts, boundary: boundary, encoder: encoder)
            })
        }
    }

    /// Sets raw body bytes with their media type; `nil` leaves the body empty.
    public mutating func setBody(_ data: Data?, contentType: String) {
        guard let data else { return }
        body = RequestBody(contentType: contentType) { _ throws(EncodingFailure) in data }
    }

    /// Sets a body that is read as it is sent (a file, a byte stream), with its media type; `nil` leaves the
    /// body empty. Its length, when known, is sent as `Content-Length`; otherwise the body goes out chunked.
    public mutating func setBody(_ stream: HTTPBody?, contentType: String) {
        guard let stream else { return }
        body = RequestBody(contentType: contentType, stream: { _ throws(EncodingFailure) in stream })
    }

    /// Whether the body is read as it is sent, so the request goes through the transport's streaming path.
    public var hasStreamingBody: Bool {
        if case .streaming? = body?.content { true } else { false }
    }

    // MARK: Building

    /// The path with placeholders filled (unfilled ones are left as `{name}`).
    public var path: String {
        var path = pathTemplate
        for (name, value) in pathValues {
            path = path.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return path
    }

    /// The encoded query without the leading `?`, e.g. `a=1&a=2&b=x%20y`.
    public var query: String {
        queryPairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The `Cookie` header value for the cookie parameters, or `nil` if there are none.
    public var cookieHeader: String? {
        cookies.isEmpty ? nil : cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// Builds the request: `serverURL` (whose path is kept as a prefix) + path + query, headers, cookies and
    /// the body encoded with `jsonEncoder`. A streaming body (``hasStreamingBody``) cannot be put into an
    /// `HTTPRequest`; use `makeStreamingRequest` for those.
    public func makeRequest(
        serverURL: URL,
        jsonEncoder: JSONEncoder = JSONCoding.makeEncoder()
    ) throws(EncodingFailure) -> HTTPRequest {
        let (request, stream) = try makeStreamingRequest(serverURL: serverURL, jsonEncoder: jsonEncoder)
        if stream != nil {
            throw EncodingFailure(message: "The request body is a stream; send it with the transport's streaming path.")
        }
        return request
    }

    /// Builds the request as `makeRequest` does, with a streaming body returned beside it rather than in
    /// the request (`nil` for requests whose body, if any, is in `request.body`).
    public func makeStreamingRequest(
        serverURL: URL,
        jsonEncoder: JSONEncoder = JSONCoding.makeEncoder()
    ) throws(EncodingFailure) -> (request: HTTPRequest, body: HTTPBody?) {
        if let encodingFailure { throw encodingFailure }
        let path = self.path
        if let range = path.range(of: #"\{[^}]+\}"#, options: .regularExpression) {
            throw EncodingFailure(message: "Path parameter \(path[range]) was not set.")
        }
        var base = serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var urlText = base + (path.hasPrefix("/") ? path : "/" + path)
        if !queryPairs.isEmpty { urlText += "?" + query }
        guard let url = URL(string: urlText) else {
            throw EncodingFailure(message: "\(urlText) is not a valid URL.")
        }
        var headers = self.headers
        if let cookieHeader {
            headers.set("Cookie", headers["Cookie"].map { "\($0); \(cookieHeader)" } ?? cookieHeader)
        }
        var bodyData: Data?
        var stream: HTTPBody?
        if let body {
            switch body.content {
            case .whole(let encode): bodyData = try encode(jsonEncoder)
            case .streaming(let make): stream = try make(jsonEncoder)
            }
            if !headers.contains("Content-Type") { headers.set("Content-Type", body.contentType) }
        }
        return (HTTPRequest(method: method, url: url, headers: headers, body: bodyData), stream)
    }

    // MARK: Private

    private mutating func encoded(_ value: some ParameterEncodable, location: String) -> ParameterValue? {
        do {
            return try value.parameterValue()
        } catch {
            recordFailure(EncodingFailure(message: "\(location): \(error.message)", path: error.path))
            return nil
        }
    }

    private mutating func recordFailure(_ failure: EncodingFailure) {
        if encodingFailure == nil { encodingFailure = failure }
    }
}
