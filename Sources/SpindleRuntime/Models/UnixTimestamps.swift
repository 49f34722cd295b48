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

    /// Encodes whole milliseconds, rounded to the nearest.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
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

    /// Encodes whole seconds, rounded to the nearest.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Int64(date.timeIntervalSince1970.rounded()))
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
