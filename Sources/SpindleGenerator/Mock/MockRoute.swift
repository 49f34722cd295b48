import Foundation

/// One operation of a mocked API: the method and path template it answers, and its canned response.
public struct MockRoute: Sendable {
    /// The upper-case HTTP method, such as `GET`.
    public var method: String
    /// The path template as the spec writes it, such as `/customers/{id}`.
    public var path: String
    /// The spec's `operationId`, when it has one.
    public var operationId: String?
    /// What every matching request receives.
    public var response: MockResponse

    private let segments: [Segment]

    /// Creates a route; `method` is upper-cased.
    public init(method: String, path: String, operationId: String?, response: MockResponse) {
        self.method = method.uppercased()
        self.path = path
        self.operationId = operationId
        self.response = response
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true).map(Segment.init)
    }

    /// How well the percent-decoded path segments of a request fit the template: the number of
    /// literal segments when every segment matches, `nil` when the request is not this route's.
    ///
    /// A `{param}` segment matches any one non-empty segment; text around it in the same segment
    /// (`{id}.json`) must match too.
    public func score(_ requestSegments: [String]) -> Int? {
        guard requestSegments.count == segments.count else { return nil }
        var literals = 0
        for (segment, text) in zip(segments, requestSegments) {
            switch segment {
            case .literal(let literal):
                guard literal == text else { return nil }
                literals += 1
            case .parameter(let prefix, let suffix):
                guard text.count > prefix.count + suffix.count, text.hasPrefix(prefix), text.hasSuffix(suffix) else {
                    return nil
                }
            }
        }
        return literals
    }

    /// One `/`-separated piece of a path template.
    private enum Segment: Sendable {
        case literal(String)
        /// A segment holding a `{placeholder}`, with the literal text before the first `{` and after the last `}`.
        case parameter(prefix: String, suffix: String)

        init(_ text: Substring) {
            guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else {
                self = .literal(String(text))
                return
            }
            self = .parameter(prefix: String(text[..<open]), suffix: String(text[text.index(after: close)...]))
        }
    }
}
