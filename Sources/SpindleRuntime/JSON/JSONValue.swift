import Foundation

/// Any JSON value, for schemaless fields (`additionalProperties`, `{}`), union fallbacks and raw inspection.
///
/// Object members keep their order and numbers keep their exact digits when parsed with
/// `JSONValue(parsing:)` and written with `jsonData()`. Through `Codable` the order of object keys depends on
/// the coder (Foundation's `JSONDecoder` does not report document order).
public enum JSONValue: Sendable, Hashable {
    /// `null`
    case null
    /// `true` or `false`
    case bool(Bool)
    /// A number, kept exact.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with ordered members.
    case object(JSONObject)
}

extension JSONValue {
    /// Parses JSON text, keeping member order and exact numbers.
    public init(parsing data: Data) throws(DecodingFailure) {
        var parser = JSONParser(bytes: Array(data))
        do {
            self = try parser.parseDocument()
        } catch {
            throw DecodingFailure(message: error.message, path: "", rawBody: data)
        }
    }

    /// Parses JSON text given as a string.
    public init(parsing text: String) throws(DecodingFailure) {
        try self.init(parsing: Data(text.utf8))
    }

    /// Encodes an `Encodable` value to JSON and parses the result.
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONCoding.makeEncoder()) throws(EncodingFailure) {
        let data: Data
        do {
            data = try JSONCoding.encode(value, encoder: encoder)
        } catch {
            throw EncodingFailure(error)
        }
        do {
            self = try JSONValue(parsing: data)
        } catch {
            throw EncodingFailure(message: "The encoder produced invalid JSON: \(error.message)", path: "")
        }
    }

    /// Compact JSON text, members in order.
    public func jsonData() -> Data {
        Data(jsonString().utf8)
    }

    /// Compact JSON text, members in order.
    public func jsonString() -> String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.output
    }

    /// Decodes this value as `T` with the runtime's JSON conventions.
    public func decode<T: Decodable>(
        as type: T.Type = T.self,
        decoder: JSONDecoder = JSONCoding.makeDecoder()
    ) throws(DecodingFailure) -> T {
        let data = jsonData()
        do {
            return try JSONCoding.decode(T.self, from: data, decoder: decoder)
        } catch {
            throw DecodingFailure(error, rawBody: data)
        }
    }
}

extension JSONValue {
    /// The member `key` if this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    /// The element at `index` if this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { array[index] } else { nil }
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The number, if this is one.
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { value } else { nil }
    }

    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The number as an `Int`, if this is an integral number in range.
    public var intValue: Int? { numberValue?.intValue }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The object, if this is one.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { value } else { nil }
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { jsonString() }
}
