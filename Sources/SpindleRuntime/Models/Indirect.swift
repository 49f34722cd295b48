/// Stores a value out of line so that a struct can contain itself, as recursive schemas need
/// (a `Category` whose `parent` is a `Category`).
///
/// It keeps value semantics: the box is immutable and replaced on every write, so copies never
/// share a mutation.
@propertyWrapper
public struct Indirect<Wrapped: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var box: Box

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Wrapped) { box = Box(wrappedValue) }

    /// The stored value.
    public var wrappedValue: Wrapped {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Wrapped: Equatable {
    /// Compares the stored values.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Wrapped: Hashable {
    /// Hashes the stored value.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Codable where Wrapped: Codable {
    /// Decodes the value itself; the box does not show in JSON.
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try decoder.singleValueContainer().decode(Wrapped.self))
    }

    /// Encodes the value itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
