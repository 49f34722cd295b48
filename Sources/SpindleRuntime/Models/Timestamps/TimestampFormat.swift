/// How a timestamp property is written in JSON, as its schema declares it.
///
/// Generated code passes it when it codes a ``WireDate`` property: `decodeTimestamp(.rfc3339, forKey:)`,
/// `encodeTimestamp(_:as: .unixMilliseconds(.int64), forKey:)`.
public enum TimestampFormat: Sendable, Hashable {
    /// `type: string, format: date-time`: RFC 3339 text, `2025-10-26T10:00:00.123Z`.
    case rfc3339
    /// `x-spindle-timestamp: unix-milliseconds`: milliseconds since 1970, `1771409161016`.
    case unixMilliseconds(UnixNumber)
    /// `x-spindle-timestamp: unix-seconds`: seconds since 1970, `1680000000`.
    case unixSeconds(UnixNumber)

    /// The JSON number a unix timestamp is, from its schema's `type` and `format`.
    public enum UnixNumber: Sendable, Hashable {
        /// `type: integer, format: int32`.
        case int32
        /// `type: integer` with `format: int64` or without a format (Swift's `Int` is 64-bit on every
        /// supported platform).
        case int64
        /// `type: number`: fractions allowed.
        case number
    }

    /// Units per second of a unix timestamp; `nil` for RFC 3339.
    var unitsPerSecond: Double? {
        switch self {
        case .rfc3339: nil
        case .unixMilliseconds: 1000
        case .unixSeconds: 1
        }
    }

    /// `a unix-milliseconds timestamp (an integer of format int64)`, for messages.
    var expectation: String {
        switch self {
        case .rfc3339: return "an RFC 3339 date-time such as 2025-10-26T10:00:00Z"
        case .unixMilliseconds(let number): return "a unix-milliseconds timestamp (\(number.expectation))"
        case .unixSeconds(let number): return "a unix-seconds timestamp (\(number.expectation))"
        }
    }
}

extension TimestampFormat.UnixNumber {
    var expectation: String {
        switch self {
        case .int32: "an integer of format int32"
        case .int64: "an integer of format int64"
        case .number: "a number"
        }
    }
}
