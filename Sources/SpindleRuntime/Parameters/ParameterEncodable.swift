import Foundation

/// A value that can be sent as a path, query, header or cookie parameter.
///
/// Primitives, `UUID`, `Date`, `URL`, `Data`, `CalendarDate`, `JSONValue`, open enums, and arrays and
/// string-keyed dictionaries of these conform already. Any `Encodable` type (generated objects, closed enums) conforms by declaring the conformance: the
/// default implementation encodes it to JSON with sorted keys (so the output is deterministic) and maps the
/// result, dropping `null` properties.
public protocol ParameterEncodable: Sendable {
    /// The value's structure; throws when the value cannot be represented.
    func parameterValue() throws(EncodingFailure) -> ParameterValue
}

extension ParameterEncodable where Self: Encodable {
    /// Encodes `self` with the runtime's JSON conventions and maps the JSON to a parameter value.
    public func parameterValue() throws(EncodingFailure) -> ParameterValue {
        let json = try JSONValue(encoding: self, encoder: JSONCoding.makeParameterEncoder())
        return ParameterValue(json: json) ?? .list([])
    }
}

extension String: ParameterEncodable {
    /// The string itself.
    public func parameterValue() -> ParameterValue { .text(self) }
}

extension Substring: ParameterEncodable {
    /// The substring's text.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension Bool: ParameterEncodable {
    /// `true` or `false`.
    public func parameterValue() -> ParameterValue { .text(self ? "true" : "false") }
}

extension Int: ParameterEncodable {
    /// Decimal digits.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension Int32: ParameterEncodable {
    /// Decimal digits.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension Int64: ParameterEncodable {
    /// Decimal digits.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension UInt: ParameterEncodable {
    /// Decimal digits.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension UInt64: ParameterEncodable {
    /// Decimal digits.
    public func parameterValue() -> ParameterValue { .text(String(self)) }
}

extension Double: ParameterEncodable {
    /// The shortest text that round-trips, without an exponent where possible (`0.00001`, not `1e-05`).
    public func parameterValue() -> ParameterValue { .text(JSONNumber(self).text) }
}

extension Float: ParameterEncodable {
    /// The shortest text that round-trips as a `Float` (`0.1`, not `0.10000000149011612`).
    public func parameterValue() -> ParameterValue { .text(JSONNumber(self).text) }
}

extension Decimal: ParameterEncodable {
    /// The exact decimal digits.
    public func parameterValue() -> ParameterValue { .text(description) }
}

extension UUID: ParameterEncodable {
    /// The lower-case hyphenated form, which is what servers generate and compare against.
    public func parameterValue() -> ParameterValue { .text(uuidString.lowercased()) }
}

extension Date: ParameterEncodable {
    /// RFC 3339 in UTC with milliseconds, e.g. `2025-10-26T10:00:00.000Z` (microseconds when the date has them);
    /// a date outside the years 0000–9999 fails to encode.
    public func parameterValue() throws(EncodingFailure) -> ParameterValue {
        guard let text = RFC3339.string(from: self) else {
            throw EncodingFailure(message: "The date \(timeIntervalSince1970) s since 1970 is outside the years 0000–9999 that RFC 3339 can write.")
        }
        return .text(text)
    }
}

extension URL: ParameterEncodable {
    /// The absolute string.
    public func parameterValue() -> ParameterValue { .text(absoluteString) }
}

extension Array: ParameterEncodable where Element: ParameterEncodable {
    /// A list of the elements' values.
    public func parameterValue() throws(EncodingFailure) -> ParameterValue {
        var values: [ParameterValue] = []
        for element in self {
            values.append(try element.parameterValue())
        }
        return .list(values)
    }
}

extension Dictionary: ParameterEncodable where Key == String, Value: ParameterEncodable {
    /// The entries as object properties, sorted by key so that the same dictionary always gives the same request
    /// (a `Dictionary`'s own order changes from run to run).
    public func parameterValue() throws(EncodingFailure) -> ParameterValue {
        var fields: [ParameterField] = []
        fields.reserveCapacity(count)
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            fields.append(ParameterField(name: key, value: try value.parameterValue()))
        }
        return .fields(fields)
    }
}

extension Data: ParameterEncodable {
    /// Base64 (`format: byte`), the same text the value has in a JSON body.
    public func parameterValue() -> ParameterValue { .text(base64EncodedString()) }
}

extension JSONValue: ParameterEncodable {
    /// The JSON's structure: objects keep their member order, `null`s are left out (parameters have no spelling
    /// for them), and a top-level `null` is an empty list, which sends nothing.
    public func parameterValue() -> ParameterValue { ParameterValue(json: self) ?? .list([]) }
}
