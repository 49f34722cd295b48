import SpindleOpenAPI
import SpindleYAML

/// A type the emitters generate: a struct, an open enum, a union or an alias.
public struct IRType: Sendable {
    /// The simple Swift name (`Integration` for `Customer.Integration`).
    public var name: String
    /// The names from the outermost type to this one.
    public var path: [String]
    public var kind: Kind
    public var description: String?
    public var deprecated: Bool
    /// Why, for `@available(*, deprecated, message:)` (see ``IRBuilder/deprecationMessage(description:extensions:)``).
    public var deprecationMessage: String?
    /// Types declared inside this one, sorted by name.
    public var nested: [IRType]
    /// Where the schema was written (`file#pointer`), for traceability in diagnostics and docs.
    public var source: String
    /// Where the schema starts in its file, for diagnostics about the generated type.
    public var location: SourceLocation?
    /// The schema is one of the spec's `components.schemas`, named by the spec rather than by where it is used.
    public var isComponent = false

    public enum Kind: Sendable {
        case object(IRObject)
        case enumeration(IREnum)
        case union(IRUnion)
        case alias(IRTypeRef)
        /// A struct that holds one value of the type and is coded as that value: what an alias becomes
        /// when its type would contain the alias itself (`A: {type: array, items: {$ref: A}}`), which a
        /// `typealias` cannot spell.
        case wrapper(IRTypeRef)
        /// A multipart form whose properties are its parts.
        case multipartForm(IRMultipartForm)
    }
}

/// A JSON object with known properties.
public struct IRObject: Sendable {
    public var properties: [IRProperty]
    /// The value type of extra keys when the schema declares one with properties beside it.
    public var additionalProperties: IRTypeRef?
}

/// Whether a property's key must be present and whether it may hold `null`: the four states a
/// JSON field can be in, which Swift needs to keep apart to round-trip payloads.
public enum IRPresence: String, Sendable, Hashable {
    /// Always sent, never null.
    case required
    /// Always sent, maybe `null` (Stigg's `archivedAt`).
    case requiredNullable
    /// May be absent; never null when present.
    case optional
    /// May be absent, `null`, or a value (PATCH-style semantics).
    case optionalNullable
}

/// One property of an object.
public struct IRProperty: Sendable {
    /// The key in JSON.
    public var jsonName: String
    /// The Swift name, unique within the type.
    public var swiftName: String
    public var type: IRTypeRef
    public var presence: IRPresence
    public var description: String?
    public var deprecated: Bool
    /// Why, when deprecated and the spec says (or describes the property).
    public var deprecationMessage: String?
    public var readOnly: Bool
    public var writeOnly: Bool
    public var defaultValue: Literal?
    public var constValue: Literal?
    /// Validation keywords of the property's schema.
    public var constraints: Constraints {
        get { storedConstraints.constraints }
        set { storedConstraints = Constraints.Boxed(newValue) }
    }
    /// The property closes a cycle of direct containment and must be stored indirectly.
    public var needsIndirection: Bool

    private var storedConstraints: Constraints.Boxed

    init(
        jsonName: String, swiftName: String, type: IRTypeRef, presence: IRPresence, description: String?,
        deprecated: Bool, deprecationMessage: String? = nil, readOnly: Bool, writeOnly: Bool, defaultValue: Literal?,
        constValue: Literal?, constraints: Constraints, needsIndirection: Bool
    ) {
        self.jsonName = jsonName
        self.swiftName = swiftName
        self.type = type
        self.presence = presence
        self.description = description
        self.deprecated = deprecated
        self.deprecationMessage = deprecationMessage
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.defaultValue = defaultValue
        self.constValue = constValue
        self.needsIndirection = needsIndirection
        storedConstraints = Constraints.Boxed(constraints)
    }
}

extension IRProperty {
    /// The name the value is stored under. A deprecated property is a computed property over storage named
    /// `_name`, which generated code (coding, the initializer, pagination) uses, so that only the app's uses
    /// of the property warn. No sibling is named so: member names start with `_` only before a digit.
    public var storedName: String { deprecated ? "_" + swiftName : swiftName }
}

/// An open enum of string or integer values.
public struct IREnum: Sendable {
    public enum RawType: String, Sendable { case string, integer }
    public var rawType: RawType
    public var cases: [IREnumCase]
}

/// One known value of an enum.
public struct IREnumCase: Sendable, Hashable {
    /// The Swift name of the static member (`awsMarketplace`).
    public var swiftName: String
    /// The raw value as text (`AWS_MARKETPLACE`, `42`).
    public var rawValue: String

    public init(swiftName: String, rawValue: String) {
        self.swiftName = swiftName
        self.rawValue = rawValue
    }
}

/// `oneOf`/`anyOf` whose variants differ.
public struct IRUnion: Sendable {
    public var variants: [IRVariant]
    /// The discriminating property, when declared.
    public var discriminator: String?
}

/// One variant of a union.
public struct IRVariant: Sendable {
    /// The Swift case name.
    public var swiftName: String
    public var type: IRTypeRef
    /// Keys an object variant requires; decoding prefers variants whose required keys are all present.
    public var requiredKeys: [String]
    /// All keys an object variant knows; ties go to the variant that knows most of the payload.
    public var knownKeys: [String]
    /// Discriminator values that select this variant.
    public var discriminatorValues: [String]
    /// The variant contains the union itself and must be stored indirectly.
    public var needsIndirection: Bool
}
