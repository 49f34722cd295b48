import Foundation

/// A non-2xx response.
public struct APIErrorResponse<Body: Sendable>: Sendable, CustomStringConvertible {
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
        self.status = status
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
        self.request = request
        self.bodyPreview = bodyPreview ?? Self.preview(of: rawBody)
        self.bodyDecodingFailure = bodyDecodingFailure
    }

    /// The request id servers commonly send (`x-request-id`, `request-id`, `x-amzn-requestid`), if any.
    public var requestID: String? {
        headers["x-request-id"] ?? headers["request-id"] ?? headers["x-amzn-requestid"]
    }

    /// `HTTP 404 from GET https://…: {"error":"not found"}`
    public var description: String {
        var text = "HTTP \(status) from \(request)"
        if let requestID { text += " (request id \(requestID))" }
        if !bodyPreview.isEmpty { text += ": \(bodyPreview)" }
        if let bodyDecodingFailure {
            let location = bodyDecodingFailure.path.isEmpty ? "" : " at \(bodyDecodingFailure.path)"
            text += " (the body does not match the documented error schema\(location): \(bodyDecodingFailure.message))"
        }
        return text
    }

    func withoutBody<Other: Sendable>() -> APIErrorResponse<Other> {
        APIErrorResponse<Other>(
            status: status, headers: headers, body: nil, rawBody: rawBody, request: request, bodyPreview: bodyPreview,
            bodyDecodingFailure: bodyDecodingFailure
        )
    }

    static func preview(of data: Data, limit: Int = 500) -> String {
        let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
