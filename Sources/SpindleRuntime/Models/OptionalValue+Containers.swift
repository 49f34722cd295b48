extension KeyedDecodingContainer {
    /// Decodes an optional-and-nullable property: `.absent` when the key is missing, `.null` when it is `null`.
    public func decodeNullable<T: Decodable>(_ type: T.Type = T.self, forKey key: Key) throws -> OptionalValue<T> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }

    /// Decodes a required-and-nullable property: `nil` for `null`, and a `keyNotFound` error naming the key when
    /// it is missing, as for any required property. Decoding a missing key as `nil` would write it back as
    /// `null`, which is not what the server sent.
    public func decodeRequiredNullable<T: Decodable>(_ type: T.Type = T.self, forKey key: Key) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath,
                debugDescription: "The required property \"\(key.stringValue)\" (which may be null) is missing."
            ))
        }
        if try decodeNil(forKey: key) { return nil }
        return try decode(T.self, forKey: key)
    }

    /// Makes synthesized `Codable` treat a missing key as `.absent` instead of failing.
    public func decode<T: Decodable>(_ type: OptionalValue<T>.Type, forKey key: Key) throws -> OptionalValue<T> {
        try decodeNullable(T.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes an optional-and-nullable property: nothing for `.absent`, `null` for `.null`.
    public mutating func encodeNullable<T: Encodable>(_ value: OptionalValue<T>, forKey key: Key) throws {
        switch value {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let wrapped): try encode(wrapped, forKey: key)
        }
    }

    /// Makes synthesized `Codable` leave `.absent` properties out.
    public mutating func encode<T: Encodable>(_ value: OptionalValue<T>, forKey key: Key) throws {
        try encodeNullable(value, forKey: key)
    }

    /// Encodes a required-and-nullable property, writing `null` for `nil` (where `encodeIfPresent` would
    /// leave the required key out).
    public mutating func encodeAlways<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
