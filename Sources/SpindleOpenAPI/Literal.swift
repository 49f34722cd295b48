import SpindleYAML

/// A JSON value written in a spec (`enum`, `const`, `default`, examples), typed by its YAML form.
///
/// Scalars keep their text: whether `no` is the string "no" or a boolean is decided by the schema
/// that uses it, through ``stringValue`` and friends.
public enum Literal: Hashable, Sendable {
    case null
    /// A plain (unquoted) scalar such as `200`, `1.0`, `true` or `usd`: its meaning depends on context.
    case plain(String)
    /// A quoted or block scalar: always a string.
    case string(String)
    // Not `indirect`: arrays already store their elements out of line, and boxing every case cost an
    // allocation per enum value.
    case array([Literal])
    case object([Field])

    /// One key and value of an object literal.
    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: Literal
        public init(key: String, value: Literal) {
            self.key = key
            self.value = value
        }
    }

    /// Builds a literal from a node. Depth is bounded by the YAML loader's nesting limit.
    public init(node: YAMLNode) {
        switch node.kind {
        case .scalar:
            if node.isNull && !node.isQuoted {
                self = .null
            } else if node.isQuoted {
                self = .string(node.scalar ?? "")
            } else {
                self = .plain(node.scalar ?? "")
            }
        case .sequence:
            self = .array(node.elements.map(Literal.init(node:)))
        case .mapping:
            self = .object(node.entries.map { Field(key: $0.key.scalar ?? "", value: Literal(node: $0.value)) })
        }
    }

    /// The literal read as a string (the text of any scalar).
    public var stringValue: String? {
        switch self {
        case .plain(let text), .string(let text): text
        default: nil
        }
    }

    /// The literal read as an integer (plain scalars only).
    public var intValue: Int? {
        guard case .plain(let text) = self else { return nil }
        return Int(text)
    }

    /// The literal read as a number (plain scalars only).
    public var doubleValue: Double? {
        guard case .plain(let text) = self else { return nil }
        return Double(text)
    }

    /// The literal read as a boolean (plain `true`/`false` only).
    public var boolValue: Bool? {
        guard case .plain(let text) = self else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Whether this is a plain scalar that reads as a JSON number.
    public var isNumber: Bool { doubleValue != nil && !(stringValue ?? "").contains(where: \.isLetter) }
}
