/// One way to satisfy an operation's security (an OpenAPI Security Requirement Object): every scheme it
/// names applies together. An operation lists its requirements as alternatives, any one of which will do;
/// an empty requirement among them makes the credentials optional.
///
/// ```swift
/// request.securityRequirements = [["api_key"], ["petstore_auth"]]  // the API key, or an OAuth 2 token
/// request.securityRequirements = [["app_id", "app_key"]]          // both keys
/// request.securityRequirements = []                                // public: nothing is sent
/// ```
public struct SecurityRequirement: Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The names of the schemes, as the client's ``ClientSecurityScheme``s know them.
    public var schemes: [String]

    /// A requirement of `schemes`, all of them.
    public init(_ schemes: [String]) { self.schemes = schemes }

    /// A requirement of the schemes listed.
    public init(arrayLiteral schemes: String...) { self.schemes = schemes }

    /// `api_key + app_id`, or `none` for the empty requirement.
    public var description: String { schemes.isEmpty ? "none" : schemes.joined(separator: " + ") }
}
