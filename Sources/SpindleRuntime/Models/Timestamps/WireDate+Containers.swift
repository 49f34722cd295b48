import Foundation

/// Decoding of timestamp properties, one method per presence, as generated `init(from:)`s call them:
/// `self._createdAt = try container.decodeTimestamp(.rfc3339, forKey: "created_at")`.
extension KeyedDecodingContainer {
    /// A required, non-nullable timestamp: a missing key or `null` is an error, as for any required property.
    public func decodeTimestamp(_ format: TimestampFormat, forKey key: Key) throws -> WireDate {
        do {
            return WireDate(try timestampValue(format, forKey: key))
        } catch {
            // Checked only after a failure, so the common case reads the member once.
            guard contains(key) else {
                throw DecodingError.keyNotFound(key, .init(
                    codingPath: codingPath, debugDescription: "The required property \"\(key.stringValue)\" is missing."
                ))
            }
            if (try? decodeNil(forKey: key)) == true {
                throw DecodingError.valueNotFound(Date.self, .init(
                    codingPath: codingPath + [key], debugDescription: "Expected \(format.expectation) but found null."
                ))
            }
            throw error
        }
    }

    /// An optional timestamp: `nil` when the key is missing or `null`.
    public func decodeTimestampIfPresent(_ format: TimestampFormat, forKey key: Key) throws -> WireDateOptional {
        guard contains(key), try !decodeNil(forKey: key) else { return WireDateOptional(nil) }
        return WireDateOptional(try timestampValue(format, forKey: key))
    }

    /// A required, nullable timestamp: `nil` for `null`, and a `keyNotFound` error when the key is missing (see
    /// `decodeRequiredNullable(_:forKey:)`).
    public func decodeRequiredNullableTimestamp(_ format: TimestampFormat, forKey key: Key) throws -> WireDateOptional {
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath,
                debugDescription: "The required property \"\(key.stringValue)\" (which may be null) is missing."
            ))
        }
        if try decodeNil(forKey: key) { return WireDateOptional(nil) }
        return WireDateOptional(try timestampValue(format, forKey: key))
    }

    /// An optional, nullable timestamp: `.absent` when the key is missing, `.null` when it is `null`.
    public func decodeNullableTimestamp(_ format: TimestampFormat, forKey key: Key) throws -> WireDateOptionalValue {
        guard contains(key) else { return WireDateOptionalValue(.absent) }
        if try decodeNil(forKey: key) { return WireDateOptionalValue(.null) }
        return WireDateOptionalValue(.value(try timestampValue(format, forKey: key)))
    }

    private func timestampValue(_ format: TimestampFormat, forKey key: Key) throws -> TimestampValue {
        try TimestampValue(reading: KeyedTimestampReader(container: self, key: key), format: format)
    }
}

/// Encoding of timestamp properties, one method per presence, as generated `encode(to:)`s call them:
/// `try container.encodeTimestamp(self._createdAt, as: .rfc3339, forKey: "created_at")`. A timestamp the
/// server sent and that was not changed is written exactly as it came, any other in `format`.
extension KeyedEncodingContainer {
    /// Encodes a required timestamp.
    public mutating func encodeTimestamp(_ timestamp: WireDate, as format: TimestampFormat, forKey key: Key) throws {
        try encode(TimestampEncoding(value: timestamp.value, format: format), forKey: key)
    }

    /// Encodes an optional timestamp, writing nothing when it is `nil`.
    public mutating func encodeTimestampIfPresent(
        _ timestamp: WireDateOptional, as format: TimestampFormat, forKey key: Key
    ) throws {
        guard let value = timestamp.value else { return }
        try encode(TimestampEncoding(value: value, format: format), forKey: key)
    }

    /// Encodes a required, nullable timestamp, writing `null` when it is `nil`.
    public mutating func encodeRequiredNullableTimestamp(
        _ timestamp: WireDateOptional, as format: TimestampFormat, forKey key: Key
    ) throws {
        guard let value = timestamp.value else { return try encodeNil(forKey: key) }
        try encode(TimestampEncoding(value: value, format: format), forKey: key)
    }

    /// Encodes an optional, nullable timestamp: nothing for `.absent`, `null` for `.null`.
    public mutating func encodeNullableTimestamp(
        _ timestamp: WireDateOptionalValue, as format: TimestampFormat, forKey key: Key
    ) throws {
        switch timestamp.value {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(TimestampEncoding(value: value, format: format), forKey: key)
        }
    }
}
