/// The stable identifier of a kind of warning, such as `property-names`.
///
/// Every warning has one, so that repeated warnings can be counted together and a kind a vendor's
/// spec will always have can be silenced (`--quiet-warnings KIND`, `quietWarnings: [KIND]`). The
/// catalog is closed: ``init(rawValue:)`` knows only the kinds listed in ``all``, which lets a
/// misspelt kind in a config or on the command line be reported instead of silencing nothing.
public struct DiagnosticKind: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The identifier, as printed in `[-Wkind]` and accepted by `--quiet-warnings`.
    public let rawValue: String
    /// What the warning means, for `--help`.
    public let summary: String

    private init(_ rawValue: String, _ summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    /// The known kind of that identifier, or `nil`.
    public init?(rawValue: String) {
        guard let known = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public var description: String { rawValue }

    // Identity is the identifier alone: the summary is documentation.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A file with several YAML documents; only the first is read.
    public static let multipleDocuments = Self("multiple-documents", "a file holds more than one YAML document")
    /// A keyword Spindle does not implement (`not`, `if`, `callbacks`, `webhooks`...).
    public static let unsupportedKeyword = Self("unsupported-keyword", "a keyword Spindle ignores (not, if, patternProperties, callbacks...)")
    /// The schema `false`.
    public static let falseSchema = Self("false-schema", "the schema 'false', which no value matches")
    /// An operation with no responses.
    public static let noResponses = Self("no-responses", "an operation declares no responses")
    /// A path parameter without `required: true`.
    public static let pathParameterRequired = Self("path-parameter-required", "a path parameter not marked required")
    /// A security scheme the client cannot apply.
    public static let unsupportedSecurityScheme = Self("unsupported-security-scheme", "a security scheme other than apiKey, HTTP bearer or basic, OAuth 2 or OpenID Connect (mutual TLS, HTTP digest...)")
    /// An `allOf` part that is neither an object nor an annotation.
    public static let allOfNonObject = Self("allof-non-object", "an allOf that mixes objects with other types; typed as JSON")
    /// `propertyNames` that narrows the keys of a map.
    public static let propertyNames = Self("property-names", "propertyNames that narrows map keys, which are not checked")
    /// An enum value written twice.
    public static let enumDuplicate = Self("enum-duplicate", "an enum lists a value twice")
    /// An enum whose values cannot make an enum type.
    public static let enumType = Self("enum-type", "an enum of numbers, booleans or mixed values; typed plainly")
    /// A value of several JSON types.
    public static let mixedTypes = Self("mixed-types", "a schema with several types; typed as JSON")
    /// A cycle of inline schemas.
    public static let inlineCycle = Self("inline-cycle", "a reference cycle through inline schemas; typed as JSON")
    /// A malformed `x-spindle-*` extension.
    public static let spindleExtension = Self("spindle-extension", "a malformed x-spindle-* extension")
    /// A server URL generated clients cannot use.
    public static let invalidServerURL = Self("invalid-server-url", "a server URL that is not an absolute http(s) URL; the client defaults to http://localhost")
    /// A `content` key that is not a media type (`examples`, `PDF`, `*`).
    public static let invalidMediaType = Self("invalid-media-type", "a content key that is not a media type (type/subtype)")
    /// A path template with a query string (`/uploads?convert={convert}`).
    public static let pathQueryString = Self("path-query-string", "a path template with a query string, which is left out of the path")
    /// Arrays and maps nested deeper than generated code may spell them.
    public static let typeNesting = Self("type-nesting", "arrays and maps nested more than 12 levels deep; the inner levels are typed as JSON")
    /// A body Spindle cannot type as written: sent or returned as bytes, or a multipart detail left out.
    public static let unsupportedBody = Self("unsupported-body", "a body or multipart detail Spindle cannot type; sent or returned as bytes")
    /// A config entry that names nothing in the spec.
    public static let unusedConfig = Self("unused-config", "a spindle.yaml entry that names nothing in the spec")

    /// Every kind, in name order.
    public static let all: [DiagnosticKind] = [
        .allOfNonObject, .enumDuplicate, .enumType, .falseSchema, .inlineCycle, .invalidMediaType, .invalidServerURL,
        .mixedTypes, .multipleDocuments, .noResponses, .pathParameterRequired, .pathQueryString, .propertyNames,
        .spindleExtension, .typeNesting, .unsupportedBody, .unsupportedKeyword, .unsupportedSecurityScheme, .unusedConfig,
    ].sorted()
}
