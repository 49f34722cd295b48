import SpindleYAML

/// The HTTP methods a path item can hold, in the order OpenAPI lists them.
public enum HTTPMethod: String, Hashable, Sendable, CaseIterable, Comparable {
    case get, put, post, delete, options, head, patch, trace

    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One operation of a path item, with path-level parameters folded in and `$ref`s of
/// parameters, request bodies and responses resolved. Schemas inside stay unresolved.
public struct Operation: Sendable {
    /// The path template, without the query string its key may carry.
    public var path: String
    public var method: HTTPMethod
    public var operationId: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var deprecated: Bool
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    /// `nil` when the operation inherits the document's security.
    public var security: [SecurityRequirement]?
    public var extensions: [String: YAMLNode]
    /// Where the operation object starts.
    public var location: SourceLocation
    /// The fragment (file) the path came from.
    public var file: String
    /// Query parameters fixed by the path key (`/items/{id}?beta=true`), sent by this operation every time.
    public var fixedQuery: [FixedQueryItem] = []

    /// The path with its fixed query, which tells apart operations whose paths differ only in it:
    /// `/items/{id}?beta=true`.
    public var pathKey: String { FixedQueryItem.pathKey(path, fixedQuery) }
}

/// A query parameter a path key fixes: `beta=true` in `/items/{id}?beta=true`.
public struct FixedQueryItem: Hashable, Sendable {
    /// The parameter's name, percent-decoded.
    public var name: String
    /// Its value, percent-decoded; empty for an item without `=`.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `path?name=value&…`, or `path` when there are none.
    public static func pathKey(_ path: String, _ items: [FixedQueryItem]) -> String {
        items.isEmpty ? path : path + "?" + items.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}

/// Where a parameter goes.
public enum ParameterLocation: String, Hashable, Sendable {
    case path, query, header, cookie
}

/// `style` of a parameter.
public enum ParameterStyle: String, Hashable, Sendable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
}

/// An operation parameter.
public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var required: Bool
    public var description: String?
    public var deprecated: Bool
    public var schema: Schema?
    /// The written style, or `nil` for the default of its location.
    public var style: ParameterStyle?
    /// The written explode, or `nil` for the default of its style.
    public var explode: Bool?
    public var sourceLocation: SourceLocation
    /// `x-` extensions (`x-deprecated-message`).
    public var extensions: [String: YAMLNode] = [:]

    /// The style in effect (OpenAPI defaults: form for query and cookie, simple for path and header).
    public var effectiveStyle: ParameterStyle {
        style ?? (location == .query || location == .cookie ? .form : .simple)
    }

    /// The explode in effect (OpenAPI default: true for form, false otherwise).
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form) }
}

/// A request body.
public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    public var location: SourceLocation
}

/// One entry of a `content` map.
public struct MediaType: Sendable {
    public var contentType: String
    public var schema: Schema?
    /// Named examples (`examples`) and the single `example`, under the name "example".
    public var examples: [(name: String, value: Literal)]
    public var location: SourceLocation
    /// OpenAPI 3.2 `itemSchema`: the schema of each item of a sequential media type (an event of
    /// `text/event-stream`, a line of `application/jsonl`).
    public var itemSchema: Schema? = nil
    /// `encoding`, by property name, in document order: how multipart and form parts are sent.
    public var encoding: [(name: String, encoding: Encoding)] = []
    /// Where the media type's key is written.
    public var keyLocation: SourceLocation? = nil
}

/// An Encoding Object: the media type and header fields of one part of a multipart or form body.
public struct Encoding: Sendable {
    /// `contentType`: one media type, or several separated by commas.
    public var contentType: String?
    /// `headers`, in document order.
    public var headers: [(name: String, header: Header)]
    /// Where the encoding object starts.
    public var location: SourceLocation
}

/// One response of an operation.
public struct Response: Sendable {
    /// `"200"`, `"2XX"` or `"default"`.
    public var status: String
    public var description: String?
    public var content: [MediaType]
    public var headers: [(name: String, header: Header)]
    public var location: SourceLocation

    /// The numeric status, for exact codes.
    public var statusCode: Int? { Int(status) }
}

/// A response header.
public struct Header: Sendable {
    public var description: String?
    public var required: Bool
    public var schema: Schema?
}

/// A security requirement: every scheme named must be satisfied together.
public struct SecurityRequirement: Hashable, Sendable {
    public var schemes: [String]
}

/// A security scheme from `components.securitySchemes`.
public struct SecurityScheme: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case apiKey(name: String, location: ParameterLocation)
        case http(scheme: String, bearerFormat: String?)
        case oauth2
        case openIdConnect
        case mutualTLS
    }
    public var kind: Kind
    public var description: String?
    public var location: SourceLocation
}

/// A server URL with its variables.
public struct Server: Hashable, Sendable {
    public struct Variable: Hashable, Sendable {
        public var name: String
        public var defaultValue: String
        public var enumValues: [String]
        public var description: String?
    }
    public var url: String
    public var description: String?
    public var variables: [Variable]
    /// Where `url` is written, for diagnostics about it.
    public var location: SourceLocation?
}

/// A tag with its description.
public struct Tag: Hashable, Sendable {
    public var name: String
    public var description: String?
}
