/// The method and redacted URL of a request, for errors and logs.
public struct RequestSummary: Sendable, Hashable, CustomStringConvertible {
    /// The request method.
    public var method: HTTPMethod
    /// The URL with credential-bearing query values replaced by `<redacted>`.
    public var url: String

    /// Creates a summary. `url` must already be redacted.
    public init(method: HTTPMethod, url: String) {
        self.method = method
        self.url = url
    }

    /// `GET https://api.example.com/v1/things`
    public var description: String { "\(method) \(url)" }
}
