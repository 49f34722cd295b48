import SpindleYAML

/// A JSON Schema object as OpenAPI 3.0 and 3.1 use it, with its source location.
///
/// References stay references: `ref` is set and the other fields hold only the siblings written
/// next to `$ref` (OpenAPI 3.1 allows `description` and friends there). Resolution happens on
/// demand through ``SpecLoader`` so that recursive schemas load.
public final class Schema: Sendable {
    /// Where the schema object starts.
    public var location: SourceLocation { origin.location }
    /// The file and pointer of this schema object, its identity for deduplication.
    public let origin: Reference
    /// `$ref`, when the schema is a reference.
    public var ref: Reference? { storedRef?.reference }
    private let storedRef: ReferenceStorage?
    /// The `type` keyword: one type, several (3.1 `[string, "null"]`), or none.
    public let types: [JSONType]
    /// OpenAPI 3.0 `nullable: true`.
    public let nullable: Bool
    public let format: String?
    public var title: String? { rare?.title }
    /// The `description`, read from the document when asked for: descriptions are most of a large spec's
    /// text, and copying every one of them while loading doubled the memory they take.
    public var description: String? { descriptionNode?.scalar }
    private let descriptionNode: YAMLNode?
    public let deprecated: Bool
    public let readOnly: Bool
    public let writeOnly: Bool
    /// `enum` values, as written.
    public let enumValues: [Literal]?
    /// `const` (3.1), as written.
    public var constValue: Literal? { rare?.constValue }
    public var defaultValue: Literal? { rare?.defaultValue }
    /// Properties in document order.
    public let properties: [(name: String, schema: Schema)]
    public let required: [String]
    public let additionalProperties: AdditionalProperties
    public let items: Schema?
    public var oneOf: [Schema] { rare?.oneOf ?? [] }
    public var anyOf: [Schema] { rare?.anyOf ?? [] }
    public var allOf: [Schema] { rare?.allOf ?? [] }
    public var discriminator: Discriminator? { rare?.discriminator }
    /// `propertyNames`: the schema every key of an object must match.
    public var propertyNames: Schema? { rare?.propertyNames }
    /// Validation keywords (all unset for most schemas).
    public var constraints: Constraints { storedConstraints.constraints }
    private let storedConstraints: Constraints.Boxed
    /// `x-` extensions.
    public var extensions: [String: YAMLNode] { rare?.extensions ?? [:] }
    /// The keywords few schemas have, boxed together and only when one is set: inline, they and the
    /// `$ref` made every schema some 200 bytes larger, which was most of a large spec's model.
    private let rare: RareKeywords?
    /// The node this schema was read from, for structural comparison.
    public let node: YAMLNode

    init(
        origin: Reference, ref: Reference?, types: [JSONType], nullable: Bool,
        format: String?, title: String?, descriptionNode: YAMLNode?, deprecated: Bool, readOnly: Bool,
        writeOnly: Bool, enumValues: [Literal]?, constValue: Literal?, defaultValue: Literal?,
        properties: [(name: String, schema: Schema)], required: [String],
        additionalProperties: AdditionalProperties, items: Schema?, oneOf: [Schema], anyOf: [Schema],
        allOf: [Schema], discriminator: Discriminator?, propertyNames: Schema? = nil, constraints: Constraints,
        extensions: [String: YAMLNode], node: YAMLNode
    ) {
        self.origin = origin
        storedRef = ref.map(ReferenceStorage.init)
        self.types = types
        self.nullable = nullable
        self.format = format
        self.descriptionNode = descriptionNode
        self.deprecated = deprecated
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.enumValues = enumValues
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.items = items
        storedConstraints = Constraints.Boxed(constraints)
        let hasRare = title != nil || constValue != nil || defaultValue != nil || !oneOf.isEmpty || !anyOf.isEmpty
            || !allOf.isEmpty || discriminator != nil || propertyNames != nil || !extensions.isEmpty
        rare = hasRare
            ? RareKeywords(
                title: title, constValue: constValue, defaultValue: defaultValue, oneOf: oneOf, anyOf: anyOf, allOf: allOf,
                discriminator: discriminator, propertyNames: propertyNames, extensions: extensions)
            : nil
        self.node = node
    }

    /// Whether `null` is an allowed value through `nullable`, `type: [.., null]` or an `enum`/`const` of null.
    public var allowsNull: Bool {
        nullable || types.contains(.null) || (enumValues?.contains(.null) ?? false) || constValue == .null
    }

    /// The declared types other than `null`.
    public var nonNullTypes: [JSONType] { types.filter { $0 != .null } }
}

/// `additionalProperties` in its three forms.
public enum AdditionalProperties: Sendable {
    /// Not written.
    case unspecified
    /// `true` or `false`.
    case allowed(Bool)
    /// A schema every extra value must match.
    case schema(Schema)
}

/// `discriminator` of a `oneOf`/`anyOf`.
public struct Discriminator: Sendable, Hashable {
    public var propertyName: String
    /// Discriminator value to `$ref` text, in document order.
    public var mapping: [(value: String, ref: Reference)]

    public static func == (lhs: Discriminator, rhs: Discriminator) -> Bool {
        lhs.propertyName == rhs.propertyName && lhs.mapping.map(\.value) == rhs.mapping.map(\.value)
            && lhs.mapping.map(\.ref) == rhs.mapping.map(\.ref)
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(propertyName)
        for entry in mapping { hasher.combine(entry.value) }
    }
}

/// A schema's `$ref`, kept apart from the schema (most schemas are not references).
private final class ReferenceStorage: Sendable {
    let reference: Reference
    init(_ reference: Reference) { self.reference = reference }
}

/// The keywords of a schema that most schemas do not have.
private final class RareKeywords: Sendable {
    let title: String?
    let constValue: Literal?
    let defaultValue: Literal?
    let oneOf: [Schema]
    let anyOf: [Schema]
    let allOf: [Schema]
    let discriminator: Discriminator?
    let propertyNames: Schema?
    let extensions: [String: YAMLNode]

    init(
        title: String?, constValue: Literal?, defaultValue: Literal?, oneOf: [Schema], anyOf: [Schema], allOf: [Schema],
        discriminator: Discriminator?, propertyNames: Schema?, extensions: [String: YAMLNode]
    ) {
        self.title = title
        self.constValue = constValue
        self.defaultValue = defaultValue
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.allOf = allOf
        self.discriminator = discriminator
        self.propertyNames = propertyNames
        self.extensions = extensions
    }
}

/// Validation keywords, kept as data for documentation and runtime checks.
public struct Constraints: Sendable, Hashable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool
    public var minProperties: Int?
    public var maxProperties: Int?

    public init() { uniqueItems = false }

    /// Whether no keyword was written.
    public var isEmpty: Bool {
        // Field by field: comparing with `Constraints()` copied and compared two whole structs per schema.
        minimum == nil && maximum == nil && exclusiveMinimum == nil && exclusiveMaximum == nil && multipleOf == nil
            && minLength == nil && maxLength == nil && pattern == nil && minItems == nil && maxItems == nil
            && !uniqueItems && minProperties == nil && maxProperties == nil
    }
}

extension Constraints {
    /// Constraints stored out of line, and not at all when none is set: most schemas and properties have
    /// none, and thirteen optional fields inline made each of them some 200 bytes larger.
    public struct Boxed: Sendable {
        private let box: Box?

        public init(_ constraints: Constraints) {
            box = constraints.isEmpty ? nil : Box(constraints)
        }

        /// The constraints (all unset when none was stored).
        public var constraints: Constraints { box?.constraints ?? Constraints() }

        private final class Box: Sendable {
            let constraints: Constraints
            init(_ constraints: Constraints) { self.constraints = constraints }
        }
    }
}
