import SpindleOpenAPI
import SpindleYAML

/// One API operation as the client exposes it.
public struct IROperation: Sendable {
    /// The nested resource groups, e.g. `["customers", "integrations"]`.
    public var resource: [String]
    /// The method name, e.g. `list`.
    public var methodName: String
    public var operationId: String?
    public var httpMethod: HTTPMethod
    /// The path template, e.g. `/api/v1/customers/{id}/integrations`.
    public var path: String
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    /// Why, when deprecated and the spec says (or describes the operation).
    public var deprecationMessage: String?
    public var parameters: [IRParameter]
    public var requestBody: IRRequestBody?
    public var responses: [IRResponse]
    /// Security schemes that apply (names into ``IRModule/securitySchemes``); empty means none.
    public var security: [String]
    /// Whether the operation may be called without a credential although ``security`` is not empty: the
    /// spec lists an empty requirement (`{}`) among the alternatives, or an alternative needs a scheme the
    /// client cannot apply (a middleware may supply it, so the client cannot tell it is missing).
    public var isSecurityOptional = false
    /// The operation's security requirements, alternatives of which any one will do, each naming schemes that
    /// all apply; an empty one makes credentials optional, and `[]` means none are sent. Requirements that
    /// need a scheme the client cannot apply are left out (an empty one takes their place: a middleware may
    /// supply them).
    public var securityRequirements: [[String]] = []
    /// Query parameters the spec's path key fixes (`/items/{id}?beta=true`), sent first, every time.
    public var fixedQuery: [FixedQueryItem] = []
    public var pagination: IRPagination?
    /// The fragment the operation came from.
    public var file: String
    /// Where the operation is written, for diagnostics about its generated code.
    public var location: SourceLocation?

    /// The path with its fixed query: how the spec keys the operation (`/items/{id}?beta=true`).
    public var pathKey: String { FixedQueryItem.pathKey(path, fixedQuery) }

    /// The first 2xx response, the one methods return.
    public var successResponse: IRResponse? {
        responses.first { ($0.statusCode.map { (200..<300).contains($0) } ?? false) || $0.status == "2XX" }
    }

    /// Responses that describe errors (4xx, 5xx, `default`) with a body type.
    public var errorResponses: [IRResponse] {
        responses.filter { response in
            guard response.type != nil else { return false }
            if let code = response.statusCode { return code >= 400 }
            return response.status == "default" || response.status.hasPrefix("4") || response.status.hasPrefix("5")
        }
    }
}

/// A parameter of an operation.
public struct IRParameter: Sendable {
    public var name: String
    public var swiftName: String
    public var location: ParameterLocation
    public var type: IRTypeRef
    public var required: Bool
    public var style: ParameterStyle
    public var explode: Bool
    public var description: String?
    public var deprecated: Bool
    /// Why, when deprecated and the spec says (or describes the parameter).
    public var deprecationMessage: String?
    public var defaultValue: Literal?
    public var constraints: Constraints
}

/// The body of a request.
public struct IRRequestBody: Sendable {
    public var contentType: String
    /// The value's type: JSON and form bodies, the generated form type of a multipart body (`.data` for a
    /// multipart body sent as raw parts), `.data` for bytes.
    public var type: IRTypeRef
    public var required: Bool
    public var description: String?
    /// How the body goes on the wire.
    public var kind: IRBodyKind = .json
}

/// One documented response.
public struct IRResponse: Sendable {
    /// `"200"`, `"4XX"` or `"default"`.
    public var status: String
    public var contentType: String?
    /// The decoded type: the JSON body's, the data of each Server-Sent Event (`nil` for text), each item of a
    /// JSON Lines or JSON text sequence (`nil` for any JSON), the generated form of a multipart body (`nil`
    /// for raw parts); `nil` for bytes.
    public var type: IRTypeRef?
    public var description: String?
    /// How the body is read.
    public var kind: IRBodyKind = .json
    /// Every media type the response's `content` lists, as written.
    public var mediaTypes: [String] = []

    public var statusCode: Int? { Int(status) }
}

/// How a request or response body is written or read.
public enum IRBodyKind: String, Sendable, Hashable {
    /// JSON, with the client's coders.
    case json
    /// `application/x-www-form-urlencoded` (requests).
    case form
    /// `multipart/form-data` (or another `multipart/*` response): a generated form type, or raw parts.
    case multipart
    /// Any other media type: bytes, streamed.
    case binary
    /// `text/event-stream` responses: Server-Sent Events.
    case serverSentEvents
    /// `application/jsonl`, `application/x-ndjson` responses: one JSON item per line.
    case jsonLines
    /// `application/json-seq` responses (RFC 7464).
    case jsonSequence
}

/// How a list operation pages, with the Swift access paths into its response.
public struct IRPagination: Sendable {
    public enum Style: String, Sendable { case cursor, offset, page }
    public var style: Style
    /// Where the items are in a page (`data`).
    public var items: IRAccessPath
    /// Cursor style: the parameter that takes the cursor and where the next cursor is.
    public var cursorParameter: String?
    public var nextCursor: IRAccessPath?
    /// Offset style: offset and limit parameter names, and the has-more flag if any.
    public var offsetParameter: String?
    public var limitParameter: String?
    public var hasMore: IRAccessPath?
    /// Page style: the page parameter and where the total count is.
    public var pageParameter: String?
    public var total: IRAccessPath?
    /// The offset/limit are properties of the JSON request body rather than query parameters.
    public var inBody: Bool
    /// Offset style: the next offset is the offset plus the limit (not plus the items received).
    public var advancesByLimit = false
}

/// A path of properties from a response type to a value, in Swift names.
public struct IRAccessPath: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        /// The property's stored name (``IRProperty/storedName``), which generated code reads.
        public var swiftName: String
        /// The value at this step may be nil (optional or nullable).
        public var isOptional: Bool
        /// The value is an `OptionalValue` (optional and nullable), read through `.wrapped`.
        public var isOptionalValue = false
    }
    public var steps: [Step]
    /// The type at the end of the path.
    public var type: IRTypeRef

    /// The Swift expression after a base, e.g. `.pagination.next` or `.pagination?.next`.
    public var swiftExpression: String {
        var text = ""
        for (index, step) in steps.enumerated() {
            text += "." + SwiftNaming.escaped(step.swiftName)
            if step.isOptionalValue { text += ".wrapped" }
            if step.isOptional && index < steps.count - 1 { text += "?" }
        }
        return text
    }

    /// Whether the final value is optional (any step optional).
    public var isOptional: Bool { steps.contains(where: \.isOptional) }
}

/// A security scheme the client can apply.
public struct IRSecurityScheme: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case apiKey(name: String, location: ParameterLocation)
        case bearer
        case basic
        /// OAuth 2: an access token from the app's provider, sent as a bearer token.
        case oauth2
        /// OpenID Connect: an access token from the app's provider, sent as a bearer token.
        case openIdConnect
    }
    public var name: String
    public var kind: Kind
    public var description: String?
    /// The environment variable the client reads this scheme's credential from when none is passed.
    public var environmentVariable: String?
}

/// A server URL.
public struct IRServer: Sendable, Hashable {
    /// The URL with variables replaced by their defaults.
    public var url: String
    public var description: String?
    /// Whether `url` is an absolute http(s) URL every platform's `URL(string:)` parses (``ServerURL``);
    /// when it is not, generated clients default to `http://localhost` instead.
    public var isValid: Bool = true
}
