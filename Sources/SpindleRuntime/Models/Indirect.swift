/// An immutable heap cell: the storage of the `Indirect` property wrappers. It is replaced, never
/// mutated, on every write, so copies of the struct that holds it never share a mutation.
final class IndirectBox<Wrapped: Sendable>: Sendable {
    let value: Wrapped
    init(_ value: Wrapped) { self.value = value }
}

/// Stores a value out of line, behind one reference.
///
/// Generated structs use it where a value may not be stored inline: a struct that contains itself
/// (a `Category` whose `parent` is a `Category`), and a property whose type is a large generated
/// struct. Inline, every struct holding such a value embeds all of its fields, and the code that
/// copies, compares and destroys the holder grows with them; boxed, that code handles one pointer.
/// Reading and writing the property looks the same either way.
@propertyWrapper
public struct Indirect<Wrapped: Sendable>: Sendable {
    private var box: IndirectBox<Wrapped>

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Wrapped) { box = IndirectBox(wrappedValue) }

    /// The stored value.
    public var wrappedValue: Wrapped {
        get { box.value }
        set { box = IndirectBox(newValue) }
    }
}

/// Stores an optional value out of line, as ``Indirect`` does; `nil` takes no allocation.
@propertyWrapper
public struct IndirectOptional<Wrapped: Sendable>: Sendable {
    private var box: IndirectBox<Wrapped>?

    /// Boxes `wrappedValue` unless it is `nil`.
    public init(wrappedValue: Wrapped?) { box = wrappedValue.map(IndirectBox.init) }

    /// The stored value.
    public var wrappedValue: Wrapped? {
        get { box?.value }
        set { box = newValue.map(IndirectBox.init) }
    }
}

/// Stores an ``OptionalValue`` out of line, as ``Indirect`` does; `.absent` and `.null` take no
/// allocation.
@propertyWrapper
public struct IndirectOptionalValue<Wrapped: Sendable>: Sendable {
    private var box: OptionalValue<IndirectBox<Wrapped>>

    /// Boxes the value of `wrappedValue`, if it has one.
    public init(wrappedValue: OptionalValue<Wrapped>) { box = Self.boxed(wrappedValue) }

    /// The stored value.
    public var wrappedValue: OptionalValue<Wrapped> {
        get {
            switch box {
            case .absent: .absent
            case .null: .null
            case .value(let box): .value(box.value)
            }
        }
        set { box = Self.boxed(newValue) }
    }

    private static func boxed(_ value: OptionalValue<Wrapped>) -> OptionalValue<IndirectBox<Wrapped>> {
        switch value {
        case .absent: .absent
        case .null: .null
        case .value(let value): .value(IndirectBox(value))
        }
    }
}

extension Indirect: Equatable where Wrapped: Equatable {
    /// Compares the stored values.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Wrapped: Hashable {
    /// Hashes the stored value.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension IndirectOptional: Equatable where Wrapped: Equatable {
    /// Compares the stored values.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue }
}

extension IndirectOptional: Hashable where Wrapped: Hashable {
    /// Hashes the stored value.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension IndirectOptionalValue: Equatable where Wrapped: Equatable {
    /// Compares the stored values.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension IndirectOptionalValue: Hashable where Wrapped: Hashable {
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
