/// A coding key for any string or integer, for reading keys that are not known in advance.
public struct AnyCodingKey: CodingKey, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The key's name.
    public let stringValue: String
    /// The key's index, for array positions.
    public let intValue: Int?

    /// Creates a key named `name`.
    public init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    /// Creates a key named `stringValue`.
    public init(stringValue: String) {
        self.init(stringValue)
    }

    /// Creates an index key.
    public init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// Creates a key from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
