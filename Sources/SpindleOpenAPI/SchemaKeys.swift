import SpindleYAML

/// The keywords of one schema object, found in a single pass over its keys.
///
/// The schema parser asks every schema for some 50 keywords and a schema has a handful, so looking
/// each keyword up by name (a scan of the keys per keyword) was most of reading a schema. Here each
/// key is matched once against the keywords of its length into a bit set: asking for an absent keyword
/// tests a bit, and only a present one is looked for again among the keys.
struct SchemaKeys {
    /// Every keyword the parser reads, supported or not.
    enum Keyword: Int, CaseIterable {
        case ref, type, properties, additionalProperties, items, oneOf, anyOf, allOf, discriminator
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern
        case minItems, maxItems, uniqueItems, minProperties, maxProperties, required
        case enumValues, constValue, defaultValue, nullable, format, title, description
        case deprecated, readOnly, writeOnly, propertyNames
        // Not supported yet: reported, then ignored.
        case not, ifKeyword, thenKeyword, elseKeyword, patternProperties, dependentSchemas, dependentRequired
        case prefixItems, contains, unevaluatedProperties, unevaluatedItems, dynamicRef

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
            .prefixItems, .contains, .unevaluatedProperties, .unevaluatedItems, .dynamicRef,
        ]

        /// The UTF-8 bytes of each keyword's spelling, by raw value.
        static let spellingBytes: [[UInt8]] = allCases.map { Array($0.spelling.utf8) }

        /// Keywords by the UTF-8 length of their spelling, with the spelling's bytes.
        static let byLength: [[(keyword: Keyword, bytes: [UInt8])]] = {
            var table = [[(keyword: Keyword, bytes: [UInt8])]](repeating: [], count: 32)
            for keyword in allCases {
                let bytes = spellingBytes[keyword.rawValue]
                table[bytes.count].append((keyword, bytes))
            }
            return table
        }()
    }

    let node: YAMLNode
    /// One bit per keyword (by raw value) whose key is present. Positions are not stored: a table of them
    /// was an array allocation per schema, and finding a present key again scans a handful of keys.
    private var present: UInt64 = 0
    /// Whether some key starts with `x-`.
    private(set) var hasExtensions = false

    init(_ node: YAMLNode) {
        self.node = node
        let table = Keyword.byLength
        node.forEachScalarKey { bytes, _ in
            if bytes.count >= 2, bytes[0] == UInt8(ascii: "x"), bytes[1] == UInt8(ascii: "-") {
                hasExtensions = true
                return
            }
            guard bytes.count < table.count else { return }
            for candidate in table[bytes.count] where Self.equal(bytes, candidate.bytes) {
                present |= 1 << UInt64(candidate.keyword.rawValue)
                return
            }
        }
    }

    /// Whether `bytes` spell `spelling` (of the same length).
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: [UInt8]) -> Bool {
        for index in 0..<spelling.count where bytes[index] != spelling[index] { return false }
        return true
    }

    /// The pair position of `keyword`'s key, which is present; the first of duplicate keys wins, as in a
    /// lookup by name (the parser reports duplicates).
    private func position(of keyword: Keyword) -> Int {
        let spelling = Keyword.spellingBytes[keyword.rawValue]
        var found: Int?
        node.forEachScalarKey { bytes, position in
            if found == nil, bytes.count == spelling.count, Self.equal(bytes, spelling) { found = position }
        }
        // The key was seen when `present` was built, so the scan finds it again.
        return found ?? 0
    }

    @inline(__always) private func isPresent(_ keyword: Keyword) -> Bool {
        present & (1 &<< UInt64(truncatingIfNeeded: keyword.rawValue)) != 0
    }

    /// The value of `keyword`, or `nil`.
    @inline(__always) subscript(keyword: Keyword) -> YAMLNode? {
        isPresent(keyword) ? node.entry(at: position(of: keyword)).value : nil
    }

    /// Whether any validation keyword (`minimum` through `maxProperties`) is present.
    var hasConstraints: Bool {
        let first = UInt64(Keyword.minimum.rawValue)
        let last = UInt64(Keyword.maxProperties.rawValue)
        let mask: UInt64 = ((1 << (last - first + 1)) - 1) << first
        return present & mask != 0
    }

    /// The key node of `keyword` (for its location), or `nil`.
    func keyNode(for keyword: Keyword) -> YAMLNode? {
        isPresent(keyword) ? node.entry(at: position(of: keyword)).key : nil
    }
}
