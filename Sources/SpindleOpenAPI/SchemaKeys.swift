import SpindleYAML

/// The keywords of one schema object, found in a single pass over its keys.
///
/// The schema parser asks every schema for some 50 keywords and a schema has a handful, so looking
/// each keyword up by name (a scan of the keys per keyword) was most of reading a schema. Here each
/// key is matched once against the keywords of its length, and a keyword's lookup is an array index.
struct SchemaKeys {
    /// Every keyword the parser reads, supported or not.
    enum Keyword: Int, CaseIterable {
        case ref, type, properties, additionalProperties, items, oneOf, anyOf, allOf, discriminator
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern
        case minItems, maxItems, uniqueItems, minProperties, maxProperties, required
        case enumValues, constValue, defaultValue, nullable, format, title, description
        case deprecated, readOnly, writeOnly
        // Not supported yet: reported, then ignored.
        case not, ifKeyword, thenKeyword, elseKeyword, patternProperties, dependentSchemas, dependentRequired
        case prefixItems, contains, unevaluatedProperties, unevaluatedItems, dynamicRef, propertyNames

        /// The keyword as written in a schema.
        ///
        /// Spelled out for every case: `"\(self)"` reflects on the value, which once cost more than
        /// reading the schema.
        var spelling: String {
            switch self {
            case .ref: "$ref"
            case .type: "type"
            case .properties: "properties"
            case .additionalProperties: "additionalProperties"
            case .items: "items"
            case .oneOf: "oneOf"
            case .anyOf: "anyOf"
            case .allOf: "allOf"
            case .discriminator: "discriminator"
            case .minimum: "minimum"
            case .maximum: "maximum"
            case .exclusiveMinimum: "exclusiveMinimum"
            case .exclusiveMaximum: "exclusiveMaximum"
            case .multipleOf: "multipleOf"
            case .minLength: "minLength"
            case .maxLength: "maxLength"
            case .pattern: "pattern"
            case .minItems: "minItems"
            case .maxItems: "maxItems"
            case .uniqueItems: "uniqueItems"
            case .minProperties: "minProperties"
            case .maxProperties: "maxProperties"
            case .required: "required"
            case .enumValues: "enum"
            case .constValue: "const"
            case .defaultValue: "default"
            case .nullable: "nullable"
            case .format: "format"
            case .title: "title"
            case .description: "description"
            case .deprecated: "deprecated"
            case .readOnly: "readOnly"
            case .writeOnly: "writeOnly"
            case .not: "not"
            case .ifKeyword: "if"
            case .thenKeyword: "then"
            case .elseKeyword: "else"
            case .patternProperties: "patternProperties"
            case .dependentSchemas: "dependentSchemas"
            case .dependentRequired: "dependentRequired"
            case .prefixItems: "prefixItems"
            case .contains: "contains"
            case .unevaluatedProperties: "unevaluatedProperties"
            case .unevaluatedItems: "unevaluatedItems"
            case .dynamicRef: "$dynamicRef"
            case .propertyNames: "propertyNames"
            }
        }

        static let unsupported: [Keyword] = [
            .not, .ifKeyword, .thenKeyword, .elseKeyword, .patternProperties, .dependentSchemas, .dependentRequired,
            .prefixItems, .contains, .unevaluatedProperties, .unevaluatedItems, .dynamicRef, .propertyNames,
        ]

        /// Keywords by the UTF-8 length of their spelling, with the spelling's bytes.
        static let byLength: [[(keyword: Keyword, bytes: [UInt8])]] = {
            var table = [[(keyword: Keyword, bytes: [UInt8])]](repeating: [], count: 32)
            for keyword in allCases {
                let bytes = Array(keyword.spelling.utf8)
                table[bytes.count].append((keyword, bytes))
            }
            return table
        }()
    }

    let node: YAMLNode
    /// The pair position of each keyword's key, or -1.
    private var positions = [Int32](repeating: -1, count: Keyword.allCases.count)
    /// Whether some key starts with `x-`.
    private(set) var hasExtensions = false

    init(_ node: YAMLNode) {
        self.node = node
        let table = Keyword.byLength
        node.forEachScalarKey { bytes, position in
            if bytes.count >= 2, bytes[0] == UInt8(ascii: "x"), bytes[1] == UInt8(ascii: "-") {
                hasExtensions = true
                return
            }
            guard bytes.count < table.count else { return }
            for candidate in table[bytes.count] where Self.equal(bytes, candidate.bytes) {
                // The first of duplicate keys wins, as in a lookup by name (the parser reports duplicates).
                if positions[candidate.keyword.rawValue] < 0 { positions[candidate.keyword.rawValue] = Int32(position) }
                return
            }
        }
    }

    /// Whether `bytes` spell `spelling` (of the same length).
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: [UInt8]) -> Bool {
        for index in 0..<spelling.count where bytes[index] != spelling[index] { return false }
        return true
    }

    /// The value of `keyword`, or `nil`.
    subscript(keyword: Keyword) -> YAMLNode? {
        let position = positions[keyword.rawValue]
        return position < 0 ? nil : node.entry(at: Int(position)).value
    }

    /// Whether any validation keyword (`minimum` through `maxProperties`) is present.
    var hasConstraints: Bool {
        for raw in Keyword.minimum.rawValue...Keyword.maxProperties.rawValue where positions[raw] >= 0 { return true }
        return false
    }

    /// The key node of `keyword` (for its location), or `nil`.
    func keyNode(for keyword: Keyword) -> YAMLNode? {
        let position = positions[keyword.rawValue]
        return position < 0 ? nil : node.entry(at: Int(position)).key
    }
}
