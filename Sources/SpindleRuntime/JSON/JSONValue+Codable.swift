import Foundation

extension JSONValue: Codable {
    /// Decodes any JSON value.
    ///
    /// Object keys are sorted, because `Decoder` does not expose document order (use `JSONValue(parsing:)`
    /// to keep it). Numbers keep their literal text when decoded through `JSONCoding.decode` (as the client
    /// decodes every response), whatever their size or spelling (`1e400`, `1.0`,
    /// `123456789012345678901234567890.5`); through another decoder, integers decode exactly, others as
    /// `Decimal` or `Double` can hold them.
    public init(from decoder: any Decoder) throws {
        if let document = decoder as? JSONValueDecoding {
            self = document.value
            return
        }
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
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            self = .number(try Self.number(in: container))
        }
    }

    /// The number in `container`: its literal text from the document `JSONCoding.decode` is reading, when that
    /// is the document the decoder reads (the decoder's own `Double` agrees, or it has none: `1e400`, `1e-400`),
    /// else what Swift's number types hold.
    private static func number(in container: any SingleValueDecodingContainer) throws -> JSONNumber {
        let double = try? container.decode(Double.self)
        if let literal = JSONSourceDocument.current?.number(at: container.codingPath),
           double.map({ $0 == literal.doubleValue }) ?? true
        {
            return literal
        }
        if let integer = try? container.decode(Int64.self) { return JSONNumber(integer) }
        if let integer = try? container.decode(UInt64.self) { return JSONNumber(integer) }
        if let double {
            // Integers too large for `UInt64` lose digits as `Double`; `Decimal` keeps 38 of them.
            if double.rounded() == double, abs(double) >= 1.8e19, let decimal = try? container.decode(Decimal.self),
               let exact = JSONNumber(text: decimal.description)
            {
                return exact
            }
            return JSONNumber(double)
        }
        throw DecodingError.dataCorruptedError(
            in: container,
            debugDescription: "Not a JSON value, or a number no Swift number type holds"
                + " (decode with JSONCoding.decode to keep its text)"
        )
    }

    /// Encodes the value; object members are written in order (whether the output keeps that order depends
    /// on the encoder). Numbers are written with their exact text when encoded through `JSONCoding.encode`
    /// (as the client encodes request bodies); through another encoder, integers and numbers `Decimal` holds
    /// are exact, others go through `Double`.
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

    /// Writes `number` exactly where the encoder allows (see `encode(to:)`).
    static func encode(_ number: JSONNumber, into container: inout any SingleValueEncodingContainer) throws {
        // An integer in its plain spelling is written the same by every encoder.
        if let integer = Int64(number.text), String(integer) == number.text {
            try container.encode(integer)
        } else if let splice = JSONNumberSplice.current {
            try container.encode(splice.placeholder(for: number))
        } else if let integer = UInt64(number.text), String(integer) == number.text {
            try container.encode(integer)
        } else if let decimal = number.decimalValue, decimal.description == number.text {
            try container.encode(decimal)
        } else {
            try container.encode(number.doubleValue)
        }
    }
}
