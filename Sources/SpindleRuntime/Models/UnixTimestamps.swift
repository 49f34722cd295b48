import Foundation

/// A `Date` coded as integer milliseconds since 1970 (e.g. `1771409161016`), for fields whose schema says so.
///
/// Generated `init(from:)`/`encode(to:)` decode this type and unwrap `.date`, which composes with every
/// container helper: `decodeIfPresent(UnixMilliseconds.self, ...)?.date`,
/// `decodeNullable(UnixMilliseconds.self, ...).map(\.date)`, `[UnixMilliseconds]`.
public struct UnixMilliseconds: Sendable, Hashable, Codable {
    /// The instant.
    public var date: Date

    /// Wraps `date`.
    public init(_ date: Date) {
        self.date = date
    }

    /// Decodes an integer (or fractional) number of milliseconds.
    public init(from decoder: any Decoder) throws {
        date = Date(timeIntervalSince1970: try UnixTimestamp.decode(from: decoder) / 1000)
    }

    /// Encodes whole milliseconds as an integer, and fractional ones (to the microsecond) as a decimal number,
    /// so a value decoded from a server is written back as it came.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try UnixTimestamp.encode(date, unitsPerSecond: 1000, into: &container)
    }
}

/// A `Date` coded as integer seconds since 1970 (e.g. Stripe's `created: 1680000000`).
public struct UnixSeconds: Sendable, Hashable, Codable {
    /// The instant.
    public var date: Date

    /// Wraps `date`.
    public init(_ date: Date) {
        self.date = date
    }

    /// Decodes an integer (or fractional) number of seconds.
    public init(from decoder: any Decoder) throws {
        date = Date(timeIntervalSince1970: try UnixTimestamp.decode(from: decoder))
    }

    /// Encodes whole seconds as an integer, and fractional ones (to the microsecond) as a decimal number, so a
    /// value decoded from a server is written back as it came.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try UnixTimestamp.encode(date, unitsPerSecond: 1, into: &container)
    }
}

private enum UnixTimestamp {
    /// Integers are read as integers first so large millisecond values never pass through `Double` parsing
    /// of a different representation.
    static func decode(from decoder: any Decoder) throws -> TimeInterval {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            return TimeInterval(integer)
        }
        return try container.decode(Double.self)
    }

    /// Writes `date` in units of `1 / unitsPerSecond` seconds, never trapping: an integer when the value is a
    /// whole number of units that fits `Int64`, else a decimal number to the microsecond. A `Date` holds a
    /// decoded millisecond exactly for instants within some 70,000 years of 2001; beyond ±2^53 units the value
    /// had already lost digits when it was decoded.
    static func encode(_ date: Date, unitsPerSecond: Double, into container: inout any SingleValueEncodingContainer) throws {
        let units = date.timeIntervalSince1970 * unitsPerSecond
        guard units.isFinite else {
            // JSONEncoder rejects non-finite numbers with an EncodingError.
            try container.encode(units)
            return
        }
        let whole = units.rounded()
        // Going through a Date (seconds since 2001 in a Double) leaves an error of a few ulps: a value that
        // close to a whole number, or within a microsecond of it, was one.
        let tolerance = max(unitsPerSecond / 1_000_000, whole.ulp * 4)
        if abs(units - whole) <= tolerance, let integer = Int64(exactly: whole) {
            try container.encode(integer)
            return
        }
        let microsecondsPerUnit = 1_000_000 / unitsPerSecond
        try container.encode((units * microsecondsPerUnit).rounded() / microsecondsPerUnit)
    }
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
