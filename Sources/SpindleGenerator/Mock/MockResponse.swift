import Foundation

/// What the mock server answers to one request: a status and, usually, a JSON body.
public struct MockResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The body bytes; empty for responses the spec documents without content (such as 204).
    public var body: Data
    /// `application/json` when there is a body, `nil` otherwise.
    public var contentType: String?

    /// Creates a response.
    public init(status: Int, body: Data, contentType: String?) {
        self.status = status
        self.body = body
        self.contentType = contentType
    }

    /// A JSON response with the body `{"message": "..."}`, for requests the spec cannot answer.
    public static func message(_ text: String, status: Int) -> MockResponse {
        MockResponse(
            status: status, body: Data(#"{"message": \#(ExampleJSON.quoted(text))}"#.utf8),
            contentType: "application/json")
    }

    /// The standard reason phrase of ``status`` (`"OK"`, `"Not Found"`), or `""` for unusual codes.
    public var reasonPhrase: String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 206: "Partial Content"
        case 404: "Not Found"
        case 501: "Not Implemented"
        default: ""
        }
    }
}
