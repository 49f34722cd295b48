import Foundation

extension JSONValue: Codable {
    /// Decodes any JSON value.
    ///
    /// Object keys are sorted, because `Decoder` does not expose document order (use `JSONValue(parsing:)`
    /// to keep it). Integers decode exactly, including ones beyond `UInt64` when the decoder supports
    /// `Decimal` (Foundation's `JSONDecoder` does).
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            self = .object(try object.jsonMembers(object.allKeys))
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd {
                elements.append(try array.decode(JSONValue.self))
            }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .number(JSONNumber(integer))
        } else if let integer = try? container.decode(UInt64.self) {
            self = .number(JSONNumber(integer))
        } else if let double = try? container.decode(Double.self) {
            self = .number(Self.exactNumber(double, in: container))
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    /// Integers too large for `UInt64` lose digits as `Double`; `Decimal` keeps 38 of them.
    private static func exactNumber(_ double: Double, in container: any SingleValueDecodingContainer) -> JSONNumber {
        if double.rounded() == double, abs(double) >= 1.8e19, let decimal = try? container.decode(Decimal.self),
           let exact = JSONNumber(text: decimal.description)
        {
            return exact
        }
        return JSONNumber(double)
    }

    /// Encodes the value; object members are written in order (whether the output keeps that order depends
    /// on the encoder). Integers are encoded exactly; fractions go through `Double` (use `jsonData()` for
    /// exact digits).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try Self.encode(number, into: &container)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in object {
                try container.encode(member.value, forKey: AnyCodingKey(member.key))
            }
        }
    }

    private static func encode(_ number: JSONNumber, into container: inout any SingleValueEncodingContainer) throws {
        if number.isInteger {
            if let integer = Int64(number.text) {
                try container.encode(integer)
            } else if let integer = UInt64(number.text) {
                try container.encode(integer)
            } else if let decimal = number.decimalValue {
                try container.encode(decimal)
            } else {
                try container.encode(number.doubleValue)
            }
        } else {
            try container.encode(number.doubleValue)
        }
    }
}
