/// An enumeration that tolerates values added to the API after the client was generated.
///
/// Generated enums are structs with a stored `rawValue`, a non-failable `init(rawValue:)`, one `static let` per
/// documented value and `allKnownValues`; everything else comes from this protocol's defaults. Unknown values
/// decode, compare and re-encode unchanged instead of failing the whole response.
///
/// ```swift
/// public struct Currency: OpenEnum {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let usd = Self(rawValue: "usd")
///     public static let allKnownValues: [Self] = [.usd]
/// }
/// ```
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ParameterEncodable
where RawValue: Codable & Hashable & Sendable & ParameterEncodable {
    /// Wraps any raw value, documented or not.
    init(rawValue: RawValue)

    /// The values documented when the client was generated.
    static var allKnownValues: [Self] { get }
}

extension OpenEnum {
    /// Decodes the raw value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(RawValue.self))
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether this value was documented when the client was generated.
    public var isKnown: Bool { Self.allKnownValues.contains(self) }

    /// The raw value as text.
    public var description: String { "\(rawValue)" }

    /// The raw value as a parameter.
    public func parameterValue() throws(EncodingFailure) -> ParameterValue {
        try rawValue.parameterValue()
    }
}

extension OpenEnum where Self: ExpressibleByStringLiteral, RawValue == String {
    /// Lets string-valued enums that declare `ExpressibleByStringLiteral` be written as literals.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}
