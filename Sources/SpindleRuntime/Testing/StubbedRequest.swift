import Foundation

/// A request a ``StubTransport`` answered, as its handler sees it: the operation it performs, the values of
/// the path's placeholders, the query, and the request as the client sent it.
public struct StubbedRequest: Sendable {
    /// The call path of the operation the request matched, such as `customers.retrieve`.
    public let operation: String
    /// The request as the transport received it: absolute URL, headers (credentials included) and body.
    public let request: HTTPRequest
    /// The values of the path template's placeholders, percent-decoded: `["id": "c 1"]` for
    /// `/customers/{id}` and `/customers/c%201`.
    public let pathParameters: [String: String]

    init(operation: String, request: HTTPRequest, pathParameters: [String: String]) {
        self.operation = operation
        self.request = request
        self.pathParameters = pathParameters
    }

    /// The query parameters in the order sent, percent-decoded (`+` stays `+`).
    public var queryItems: [URLQueryItem] {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    }

    /// Every value of the query parameter `name`, in order (an exploded array repeats the name).
    public func queryValues(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map { $0.value ?? "" }
    }

    /// The first value of the query parameter `name`, or `nil` when the request has none.
    public func query(_ name: String) -> String? {
        queryValues(name).first
    }

    /// The value of header `name` (case-insensitive), or `nil`.
    public func header(_ name: String) -> String? {
        request.headers[name]
    }

    /// The JSON request body decoded as `Body`, by the same decoder as responses; throws when there is no
    /// body or it does not match.
    public func body<Body: Decodable>(as type: Body.Type = Body.self) throws -> Body {
        try JSONCoding.decode(Body.self, from: request.body ?? Data())
    }
}
