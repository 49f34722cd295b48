import Foundation

/// A `Date` coded as milliseconds since 1970 (e.g. `1771409161016`), for code generated before the
/// ``WireDate`` property wrappers, which generated code now uses.
///
/// It reads an integer or a fractional number (`type: number`) and writes back a value it decoded exactly
/// as it came, as long as `date` is unchanged.
public struct UnixMilliseconds: Sendable, Hashable, Codable {
    private var value: TimestampValue

    /// The instant. Setting another one forgets how the server wrote the old one.
    public var date: Date {
        get { value.date }
        set { value = value.replacing(newValue) }
    }

    /// Wraps `date`.
    public init(_ date: Date) {
        value = TimestampValue(date: date, wire: nil)
    }

    /// Decodes a number of milliseconds; a value no `Double` holds is a located `DecodingError`.
    public init(from decoder: any Decoder) throws {
        value = try TimestampValue(reading: SingleValueTimestampReader(container: try decoder.singleValueContainer()), format: Self.format)
    }

    /// Encodes the number the server sent, or whole milliseconds as an integer and fractional ones (to the
    /// microsecond) as a decimal number.
    public func encode(to encoder: any Encoder) throws {
        try TimestampEncoding(value: value, format: Self.format).encode(to: encoder)
    }

    private static let format = TimestampFormat.unixMilliseconds(.number)

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.date == rhs.date }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }
}

/// A `Date` coded as seconds since 1970 (e.g. Stripe's `created: 1680000000`), as ``UnixMilliseconds`` is.
public struct UnixSeconds: Sendable, Hashable, Codable {
    private var value: TimestampValue

    /// The instant. Setting another one forgets how the server wrote the old one.
    public var date: Date {
        get { value.date }
        set { value = value.replacing(newValue) }
    }

    /// Wraps `date`.
    public init(_ date: Date) {
        value = TimestampValue(date: date, wire: nil)
    }

    /// Decodes a number of seconds; a value no `Double` holds is a located `DecodingError`.
    public init(from decoder: any Decoder) throws {
        value = try TimestampValue(reading: SingleValueTimestampReader(container: try decoder.singleValueContainer()), format: Self.format)
    }

    /// Encodes the number the server sent, or whole seconds as an integer and fractional ones (to the
    /// microsecond) as a decimal number.
    public func encode(to encoder: any Encoder) throws {
        try TimestampEncoding(value: value, format: Self.format).encode(to: encoder)
    }

    private static let format = TimestampFormat.unixSeconds(.number)

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.date == rhs.date }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }
}

extension KeyedDecodingContainer {
    /// Decodes a required unix-milliseconds timestamp.
    public func decodeUnixMilliseconds(forKey key: Key) throws -> Date {
        try decode(UnixMilliseconds.self, forKey: key).date
    }

    /// Decodes an optional unix-milliseconds timestamp (`nil` when absent or `null`).
    public func decodeUnixMillisecondsIfPresent(forKey key: Key) throws -> Date? {
        try decodeIfPresent(UnixMilliseconds.self, forKey: key)?.date
    }
}

extension KeyedEncodingContainer {
    /// Encodes a unix-milliseconds timestamp.
    public mutating func encodeUnixMilliseconds(_ date: Date, forKey key: Key) throws {
        try encode(UnixMilliseconds(date), forKey: key)
    }

    /// Encodes a unix-milliseconds timestamp, writing nothing when `date` is `nil`.
    public mutating func encodeUnixMillisecondsIfPresent(_ date: Date?, forKey key: Key) throws {
        try encodeIfPresent(date.map(UnixMilliseconds.init), forKey: key)
    }
}
