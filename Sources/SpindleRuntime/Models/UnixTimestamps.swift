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

    /// Writes `date` in units of `1 / unitsPerSecond` seconds, never trapping: an integer while the value is
    /// whole to the microsecond and fits `Int64`, else the nearest `Double` (values beyond ±2^53 units, some
    /// 285,000 years in milliseconds, already lost digits when they were decoded into a `Date`).
    static func encode(_ date: Date, unitsPerSecond: Int64, into container: inout any SingleValueEncodingContainer) throws {
        let seconds = date.timeIntervalSince1970
        let microsecondsPerUnit = 1_000_000 / unitsPerSecond
        let microseconds = (seconds * 1_000_000).rounded()
        if let exact = Int64(exactly: microseconds) {
            let (units, remainder) = exact.quotientAndRemainder(dividingBy: microsecondsPerUnit)
            if remainder == 0 {
                try container.encode(units)
            } else {
                try container.encode(Double(exact) / Double(microsecondsPerUnit))
            }
            return
        }
        let units = seconds * Double(unitsPerSecond)
        if let exact = Int64(exactly: units) {
            try container.encode(exact)
        } else {
            try container.encode(units)
        }
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
