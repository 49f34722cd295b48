/// A property that can be absent, explicitly `null`, or hold a value — for optional *and* nullable schema
/// properties, where "leave unchanged" (absent) and "clear" (`null`) mean different things to the server.
public enum OptionalValue<Wrapped> {
    /// The key is not present. The default.
    case absent
    /// The key is present with the value `null`.
    case null
    /// The key is present with a value.
    case value(Wrapped)

    /// `.value` for a value and `.null` for `nil` (to send a possibly-nil value explicitly).
    public init(_ optional: Wrapped?) {
        self = optional.map(OptionalValue.value) ?? .null
    }

    /// The value, or `nil` when absent or `null`.
    public var wrapped: Wrapped? {
        if case .value(let value) = self { value } else { nil }
    }

    /// Whether the key is absent.
    public var isAbsent: Bool {
        if case .absent = self { true } else { false }
    }

    /// Whether the key is present with `null`.
    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// Transforms the value, keeping absent and null as they are.
    public func map<Mapped>(_ transform: (Wrapped) throws -> Mapped) rethrows -> OptionalValue<Mapped> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let value): .value(try transform(value))
        }
    }
}

extension OptionalValue: ExpressibleByNilLiteral {
    /// `nil` means an explicit `null`; use `.absent` (the default) to leave the key out.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension OptionalValue: Sendable where Wrapped: Sendable {}
extension OptionalValue: Equatable where Wrapped: Equatable {}
extension OptionalValue: Hashable where Wrapped: Hashable {}

// Decodable and Encodable are declared separately (not as one `Codable where Wrapped: Codable`) so that the
// keyed-container overloads for synthesized coding are unambiguously more specific than the standard ones.
extension OptionalValue: Decodable where Wrapped: Decodable {
    /// Decodes `null` as `.null`, anything else as `.value` (absence is decided by the keyed container).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension OptionalValue: Encodable where Wrapped: Encodable {
    /// Encodes `.value` as the value and both `.null` and `.absent` as `null`; keyed containers leave
    /// `.absent` out entirely (see `encodeNullable(_:forKey:)`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .value(let value) = self {
            try container.encode(value)
        } else {
            try container.encodeNil()
        }
    }
}
