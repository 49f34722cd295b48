import Foundation

/// An HTTP response with its whole body read into memory.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, e.g. `200`.
    public var status: Int
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body bytes (empty when there is no body).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is in the 2xx range.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, replacing invalid sequences, for diagnostics.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
