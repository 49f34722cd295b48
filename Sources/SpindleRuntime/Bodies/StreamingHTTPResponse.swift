import Foundation

/// A response whose body streams: the status and headers arrive first, the body as the server sends it.
public struct StreamingHTTPResponse: Sendable {
    /// The status code, e.g. `200`.
    public var status: Int
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body, read as it arrives. Dropping it unread, or cancelling the task that reads it, closes the
    /// connection.
    public var body: HTTPBody

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: HTTPBody = HTTPBody([UInt8]())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a streaming response that replays a buffered one.
    public init(_ response: HTTPResponse) {
        self.init(status: response.status, headers: response.headers, body: HTTPBody(response.body))
    }

    /// The response with its body read into memory, up to `maxBytes`.
    public func collected(upTo maxBytes: Int) async throws -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: try await body.collect(upTo: maxBytes))
    }
}
