import Foundation
import SpindleOpenAPI

/// Writes example ``Literal``s as JSON text (two-space indented, keys in written order).
///
/// Quoted YAML scalars are strings. A plain scalar such as `12`, `true` or `usd` is read by the
/// schema it belongs to: a string where the schema allows only strings, a number or boolean where
/// it allows one and the text reads as one; with no schema to go by, whatever the text looks like.
public struct ExampleJSON {
    private let loader: SpecLoader

    /// Creates a writer that resolves schema references through `loader`.
    public init(loader: SpecLoader) { self.loader = loader }

    /// `literal` as JSON, typed by `schema` where the schema says what a plain scalar means.
    public func text(_ literal: Literal, schema: Schema?) -> String {
        var output = ""
        write(literal, candidates(schema), indent: "", into: &output)
        return output
    }

    private func write(_ literal: Literal, _ schemas: [Schema], indent: String, into output: inout String) {
        let inner = indent + "  "
        switch literal {
        case .null:
            output += "null"
        case .string(let text):
            output += Self.quoted(text)
        case .plain(let text):
            output += Self.scalar(text, types: Set(schemas.flatMap(\.types)))
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            let items = candidates(schemas.lazy.compactMap(\.items).first)
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += (index == 0 ? "" : ",\n") + inner
                write(element, items, indent: inner, into: &output)
            }
            output += "\n" + indent + "]"
        case .object(let fields):
            guard !fields.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, field) in fields.enumerated() {
                output += (index == 0 ? "" : ",\n") + inner + Self.quoted(field.key) + ": "
                write(field.value, candidates(property(field.key, of: schemas)), indent: inner, into: &output)
            }
            output += "\n" + indent + "}"
        }
    }

    /// The schema and, through `allOf`/`oneOf`/`anyOf`, the schemas it is made of, resolved.
    private func candidates(_ schema: Schema?, depth: Int = 0) -> [Schema] {
        guard let schema, depth < 8, let resolved = loader.resolve(schema) else { return [] }
        return [resolved]
            + (resolved.allOf + resolved.oneOf + resolved.anyOf).flatMap { candidates($0, depth: depth + 1) }
    }

    /// The schema of property `name`: a declared property first, then `additionalProperties`.
    private func property(_ name: String, of schemas: [Schema]) -> Schema? {
        for schema in schemas {
            if let property = schema.properties.first(where: { $0.name == name }) { return property.schema }
        }
        for schema in schemas {
            if case .schema(let extra) = schema.additionalProperties { return extra }
        }
        return nil
    }

    /// A plain scalar as a JSON boolean, number or string; `types` empty means "unknown".
    static func scalar(_ text: String, types: Set<JSONType>) -> String {
        let unknown = types.isEmpty
        if unknown || types.contains(.boolean), let value = boolean(text, lenient: types.contains(.boolean)) {
            return value ? "true" : "false"
        }
        if unknown || types.contains(.integer) || types.contains(.number), let number = number(text) {
            return number
        }
        if unknown || types.contains(.null), ["null", "Null", "NULL", "~"].contains(text) { return "null" }
        return quoted(text)
    }

    /// `true`/`false` in YAML 1.2 spellings, plus YAML 1.1's `yes`/`no`/`on`/`off` when `lenient`.
    private static func boolean(_ text: String, lenient: Bool) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: break
        }
        guard lenient else { return nil }
        switch text.lowercased() {
        case "yes", "on": return true
        case "no", "off": return false
        default: return nil
        }
    }

    /// The text as a JSON number: unchanged when it already is one, normalized from YAML forms
    /// such as `+5`, `.5` or `1_000`, `nil` when it is not a finite number.
    static func number(_ text: String) -> String? {
        if isJSONNumber(text) { return text }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if let integer = Int(cleaned) { return String(integer) }
        guard !cleaned.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }),
            let double = Double(cleaned), double.isFinite
        else { return nil }
        return "\(double)"
    }

    /// Whether `text` matches JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") { bytes = bytes.dropFirst() } else if digits() == 0 { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendJSONString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
