import Foundation

/// A `Date` property that remembers how the server wrote it.
///
/// Generated objects declare their timestamp properties with it (`@WireDate public var createdAt: Date`) and
/// code them with the format their schema declares (`decodeTimestamp(.rfc3339, forKey:)`,
/// `encodeTimestamp(_:as:forKey:)`). The property reads and writes as a `Date`; an object that is fetched and
/// sent back writes each timestamp it did not change exactly as it came (nanoseconds, year 9999's
/// microseconds, unix milliseconds beyond 2^53 and the server's offset included), and a changed one in the
/// declared format. Equality and hashing look at the `Date` only.
@propertyWrapper
public struct WireDate: Sendable, Hashable {
    var value: TimestampValue

    /// A timestamp set in code.
    public init(wrappedValue: Date) {
        value = TimestampValue(date: wrappedValue, wire: nil)
    }

    init(_ value: TimestampValue) {
        self.value = value
    }

    /// The instant. Setting another one forgets how the server wrote the old one.
    public var wrappedValue: Date {
        get { value.date }
        set { value = value.replacing(newValue) }
    }

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

/// An optional `Date` property that remembers how the server wrote it, as ``WireDate`` does.
@propertyWrapper
public struct WireDateOptional: Sendable, Hashable {
    var value: TimestampValue?

    /// A timestamp set in code.
    public init(wrappedValue: Date?) {
        value = wrappedValue.map { TimestampValue(date: $0, wire: nil) }
    }

    init(_ value: TimestampValue?) {
        self.value = value
    }

    /// The instant, if any. Setting another one forgets how the server wrote the old one.
    public var wrappedValue: Date? {
        get { value?.date }
        set { value = newValue.map { value?.replacing($0) ?? TimestampValue(date: $0, wire: nil) } }
    }

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

/// An optional-and-nullable `Date` property (``OptionalValue``) that remembers how the server wrote it, as
/// ``WireDate`` does.
@propertyWrapper
public struct WireDateOptionalValue: Sendable, Hashable {
    var value: OptionalValue<TimestampValue>

    /// A timestamp set in code.
    public init(wrappedValue: OptionalValue<Date>) {
        value = wrappedValue.map { TimestampValue(date: $0, wire: nil) }
    }

    init(_ value: OptionalValue<TimestampValue>) {
        self.value = value
    }

    /// The instant, `.null` or `.absent`. Setting another instant forgets how the server wrote the old one.
    public var wrappedValue: OptionalValue<Date> {
        get { value.map(\.date) }
        set {
            let old = value.wrapped
            value = newValue.map { old?.replacing($0) ?? TimestampValue(date: $0, wire: nil) }
        }
    }

    /// Compares the instants.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
