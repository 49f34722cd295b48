import Foundation

/// A `Date` coded as unix time in `Unit`s, for code generated before the ``WireDate`` property wrappers,
/// which generated code now uses: ``UnixMilliseconds`` (e.g. `1771409161016`) and ``UnixSeconds`` (e.g.
/// Stripe's `created: 1680000000`).
///
/// It reads an integer or a fractional number (`type: number`) and writes back a value it decoded exactly
/// as it came, as long as `date` is unchanged; a date set in code is written as whole units, or to the
/// microsecond when it has a fraction.
public struct UnixTimestamp<Unit: UnixTimestampUnit>: Sendable, Hashable, Codable {
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

    /// Decodes a number of units; a value no `Double` holds is a located `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let reader = SingleValueTimestampReader(container: try decoder.singleValueContainer())
        value = try TimestampValue(reading: reader, format: Unit.format)
    }

    /// Encodes the number the server sent, or the date in units.
    public func encode(to encoder: any Encoder) throws {
        try TimestampEncoding(value: value, format: Unit.format).encode(to: encoder)
    }

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.date == rhs.date }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }
}

/// The unit of a ``UnixTimestamp``.
public protocol UnixTimestampUnit: Sendable {
    /// The format the unit is read and written in: a number of units.
    static var format: TimestampFormat { get }
}

/// Milliseconds since 1970, for ``UnixMilliseconds``.
public enum UnixMillisecondsUnit: UnixTimestampUnit {
    /// Any number of milliseconds.
    public static var format: TimestampFormat { .unixMilliseconds(.number) }
}

/// Seconds since 1970, for ``UnixSeconds``.
public enum UnixSecondsUnit: UnixTimestampUnit {
    /// Any number of seconds.
    public static var format: TimestampFormat { .unixSeconds(.number) }
}

/// A `Date` coded as milliseconds since 1970 (e.g. `1771409161016`).
public typealias UnixMilliseconds = UnixTimestamp<UnixMillisecondsUnit>

/// A `Date` coded as seconds since 1970 (e.g. Stripe's `created: 1680000000`).
public typealias UnixSeconds = UnixTimestamp<UnixSecondsUnit>

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
