import Foundation

/// A non-2xx response.
///
/// Its description and its mirror (`dump`, `String(reflecting:)`, debuggers) show the headers and the decoded
/// body with every credential of the client that received it scrubbed, and the raw body as its size; the
/// properties hold what the server sent.
public struct APIErrorResponse<Body: Sendable>: Sendable, CustomStringConvertible, CustomReflectable {
    /// The status code.
    public let status: Int
    /// The response headers (e.g. rate-limit and request-id headers).
    public let headers: HTTPHeaders
    /// The body decoded with the operation's error schema, or `nil` if it did not match or none is documented.
    public let body: Body?
    /// The raw body bytes.
    public let rawBody: Data
    /// The request that failed.
    public let request: RequestSummary
    /// The start of the body as text with any credential scrubbed, used by `description`.
    public let bodyPreview: String
    /// Why `body` is `nil` although the operation documents an error body for this status: the body did not
    /// match the schema (with the JSON path of the mismatch). `nil` when it decoded or none is documented.
    public let bodyDecodingFailure: DecodingFailure?
    /// `headers` as `description` and the mirror show them: scrubbed of credentials when the client made this.
    private let shownHeaders: HTTPHeaders
    /// `body` as the mirror shows it, scrubbed of credentials; `nil` to show `body` itself.
    private let shownBody: String?

    /// Creates an error response. `bodyPreview` defaults to the first 500 characters of `rawBody`; the client
    /// passes a scrubbed one.
    public init(
        status: Int,
        headers: HTTPHeaders,
        body: Body?,
        rawBody: Data,
        request: RequestSummary,
        bodyPreview: String? = nil,
        bodyDecodingFailure: DecodingFailure? = nil
    ) {
        self.init(
            status: status, headers: headers, body: body, rawBody: rawBody, request: request,
            bodyPreview: bodyPreview ?? Self.preview(of: rawBody), bodyDecodingFailure: bodyDecodingFailure,
            shownHeaders: headers, shownBody: nil
        )
    }

    /// The response as the client reports it: preview, failure, headers and body shown without `redactor`'s
    /// secrets.
    init(
        status: Int,
        headers: HTTPHeaders,
        body: Body?,
        rawBody: Data,
        request: RequestSummary,
        bodyDecodingFailure: DecodingFailure?,
        redactor: Redactor
    ) {
        self.init(
            status: status, headers: headers, body: body, rawBody: rawBody, request: request,
            bodyPreview: redactor.text(Self.preview(of: rawBody)),
            bodyDecodingFailure: bodyDecodingFailure.map(redactor.redacted),
            shownHeaders: redactor.headers(headers),
            shownBody: body.map { redactor.text(String(reflecting: $0)) }
        )
    }

    private init(
        status: Int,
        headers: HTTPHeaders,
        body: Body?,
        rawBody: Data,
        request: RequestSummary,
        bodyPreview: String,
        bodyDecodingFailure: DecodingFailure?,
        shownHeaders: HTTPHeaders,
        shownBody: String?
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
        self.request = request
        self.bodyPreview = bodyPreview
        self.bodyDecodingFailure = bodyDecodingFailure
        self.shownHeaders = shownHeaders
        self.shownBody = shownBody
    }

    /// The request id servers commonly send (`x-request-id`, `request-id`, `x-amzn-requestid`), if any.
    public var requestID: String? { Self.requestID(in: headers) }

    private static func requestID(in headers: HTTPHeaders) -> String? {
        headers["x-request-id"] ?? headers["request-id"] ?? headers["x-amzn-requestid"]
    }

    /// `HTTP 404 from GET https://…: {"error":"not found"}`
    public var description: String {
        var text = "HTTP \(status) from \(request)"
        if let requestID = Self.requestID(in: shownHeaders) { text += " (request id \(requestID))" }
        if !bodyPreview.isEmpty { text += ": \(bodyPreview)" }
        if let bodyDecodingFailure {
            let location = bodyDecodingFailure.path.isEmpty ? "" : " at \(bodyDecodingFailure.path)"
            text += " (the body does not match the documented error schema\(location): \(bodyDecodingFailure.message))"
        }
        return text
    }

    /// The fields as `description` shows them, the raw body as its size.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "status": status,
            "request": request,
            "headers": shownHeaders,
            "body": shownBody ?? body.map { String(reflecting: $0) } ?? "nil",
            "rawBody": "\(rawBody.count) bytes",
            "bodyPreview": bodyPreview,
            "bodyDecodingFailure": bodyDecodingFailure as Any,
        ], displayStyle: .struct)
    }

    func withoutBody<Other: Sendable>() -> APIErrorResponse<Other> {
        APIErrorResponse<Other>(
            status: status, headers: headers, body: nil, rawBody: rawBody, request: request, bodyPreview: bodyPreview,
            bodyDecodingFailure: bodyDecodingFailure, shownHeaders: shownHeaders, shownBody: nil
        )
    }

    static func preview(of data: Data, limit: Int = 500) -> String {
        let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
