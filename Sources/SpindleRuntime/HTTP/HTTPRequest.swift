import Foundation

/// A fully built HTTP request as handed to an `HTTPTransport`: absolute URL, headers and body bytes.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL, query included.
    public var url: URL
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body bytes, or `nil` for requests without a body.
    public var body: Data?

    /// Creates a request.
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
