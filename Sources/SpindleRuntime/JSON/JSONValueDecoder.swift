import Foundation

/// A `Decoder` over a parsed `JSONValue`, used to explain failures that Foundation's `JSONDecoder` reports
/// without a location.
///
/// On Linux, `JSONDecoder` reports a number that does not fit the requested type (a fraction for an `Int`, an
/// integer beyond `Int64`) as "The given data was not valid JSON" with an empty coding path. Decoding the same
/// document again through this decoder, which follows the runtime's conventions (`JSONCoding`), gives the path of
/// the value and what was expected against what was found. It is never used for values that decode.
struct JSONValueDecoder {
    /// Decodes `type` from `value`, throwing `DecodingError`s with full coding paths.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try JSONValueDecoding(value: value, codingPath: []).unwrap(T.self)
    }
}

/// One position in the document: the value there and the path to it.
struct JSONValueDecoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw mismatch([String: JSONValue].self, "an object")
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw mismatch([JSONValue].self, "an array")
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoding: self)
    }

    /// Decodes `T`, giving the types `JSONCoding` treats specially their JSON spelling.
    func unwrap<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self, let date = try decodeDate() as? T { return date }
        if T.self == Data.self, let data = try decodeData() as? T { return data }
        if T.self == URL.self, let url = try decodeURL() as? T { return url }
        if T.self == Decimal.self, let decimal = try decodeDecimal() as? T { return decimal }
        return try T(from: self)
    }

    func decodeString() throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self, "a string") }
        return string
    }

    func decodeBool() throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(Bool.self, "a boolean") }
        return bool
    }

    func decodeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let number) = value else { throw mismatch(T.self, "a number") }
        guard let result = T(number.text) ?? Double(number.text).map(T.init), result.isFinite else {
            throw corrupted("Expected \(T.self) but found the number \(number.text), which \(T.self) cannot hold.")
        }
        return result
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let number) = value else { throw mismatch(T.self, "a number") }
        if let exact = T(number.text) { return exact }
        // `1.0` and `1e3` are integers written another way.
        let double = number.doubleValue
        let isWhole = double.isFinite && double.rounded() == double
        if isWhole, abs(double) < 9_007_199_254_740_992, let exact = T(exactly: double) { return exact }
        let reason = isWhole ? "which is outside \(T.self)'s range \(T.min)...\(T.max)" : "which is not a whole number"
        throw corrupted("Expected \(T.self) but found the number \(number.text), \(reason).")
    }

    private func decodeDate() throws -> Date {
        let text = try decodeString()
        guard let date = RFC3339.date(from: text) ?? CalendarDate(text)?.date() else {
            throw corrupted("Expected an RFC 3339 date-time such as 2025-10-26T10:00:00Z but found \"\(text)\".")
        }
        return date
    }

    private func decodeData() throws -> Data {
        let text = try decodeString()
        guard let data = Data(base64Encoded: text) else { throw corrupted("Expected base64 data but found \"\(text)\".") }
        return data
    }

    private func decodeURL() throws -> URL {
        let text = try decodeString()
        guard let url = URL(string: text) else { throw corrupted("Expected a URL but found \"\(text)\".") }
        return url
    }

    private func decodeDecimal() throws -> Decimal {
        guard case .number(let number) = value else { throw mismatch(Decimal.self, "a number") }
        guard let decimal = number.decimalValue else {
            throw corrupted("Expected a decimal number but found \(number.text).")
        }
        return decimal
    }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected) but found null."))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected) but found \(value.kindDescription)."))
    }

    func corrupted(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValueDecoding {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "No value associated with key \"\(key.stringValue)\"."
            ))
        }
        return JSONValueDecoding(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).value == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decodeBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decodeString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decodeFloatingPoint(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decodeFloatingPoint(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decodeInteger(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decodeInteger(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decodeInteger(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decodeInteger(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decodeInteger(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decodeInteger(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decodeInteger(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decodeInteger(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decodeInteger(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).unwrap(type) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        JSONValueDecoding(value: object["super"] ?? .null, codingPath: codingPath + [AnyCodingKey("super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoding(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element, advancing only when decoding it succeeds (as `JSONDecoder` does).
    private mutating func next<T>(_ decode: (JSONValueDecoding) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(
                codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)],
                debugDescription: "The array has only \(elements.count) elements."
            ))
        }
        let result = try decode(JSONValueDecoding(
            value: elements[currentIndex], codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)]
        ))
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.decodeBool() } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.decodeString() } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.decodeFloatingPoint(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.decodeFloatingPoint(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.decodeInteger(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.decodeInteger(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.unwrap(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { try next { $0 } }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoding: JSONValueDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }

    func decodeNil() -> Bool { decoding.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoding.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoding.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoding.decodeFloatingPoint(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoding.decodeFloatingPoint(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoding.decodeInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoding.decodeInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoding.decodeInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoding.decodeInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoding.decodeInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoding.decodeInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoding.decodeInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoding.decodeInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoding.decodeInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoding.decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoding.unwrap(type) }
}

extension JSONValue {
    /// `a string`, `the number 1.5`, …: what a decoding error says it found.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "the boolean \(value)"
        case .number(let number): "the number \(number.text)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
