/// The coding keys of a generated object. Declared properties are static members (`.createdAt`, made with
/// `init(_:)`); `init?(stringValue:)` makes keys only for the names the schema does *not* declare, so the
/// container's `allKeys` lists exactly the members to keep in `additionalProperties`.
///
/// Reading the undeclared members this way costs one pass over the keys the decoder already holds. A second
/// container indexed every object's keys twice, and filtering the full `allKeys` paid a dynamic cast per key:
/// either made decoding Stigg's customers 1.6-2x slower.
public protocol ObjectCodingKey: CodingKey, Sendable {
    /// A key named `name`, declared or not.
    init(_ name: String)
    /// Whether `name` is the JSON name of a declared property (generated as a `switch`, which compares the
    /// short keys of JSON objects faster than hashing them into a set).
    static func isDeclared(_ name: String) -> Bool
}

extension ObjectCodingKey {
    /// A key for an undeclared member; `nil` for a declared one (use the static member).
    @inlinable
    public init?(stringValue: String) {
        guard !Self.isDeclared(stringValue) else { return nil }
        self.init(stringValue)
    }

    /// Objects have no integer keys.
    @inlinable
    public init?(intValue: Int) {
        nil
    }

    /// Objects have no integer keys.
    @inlinable
    public var intValue: Int? { nil }
}

/// Generated objects keep the members their schema does not declare in `additionalProperties`, so a value that
/// is fetched, changed and sent back loses nothing the server sent, whatever the schema's own
/// `additionalProperties` says (a server that adds fields before its spec does is the common case).
///
/// The members are sorted by key: `Decoder` does not report document order.
extension KeyedDecodingContainer where Key: ObjectCodingKey {
    /// The members of the object whose keys are not declared.
    @inlinable
    public func additionalProperties() throws -> JSONObject {
        let undeclared = allKeys
        guard !undeclared.isEmpty else { return JSONObject() }
        return try jsonMembers(undeclared)
    }
}

extension KeyedDecodingContainer {
    /// The members at `keys` as JSON, sorted by key (`Decoder` does not report document order).
    @usableFromInline
    func jsonMembers(_ keys: [Key]) throws -> JSONObject {
        var members = JSONObject()
        for key in keys.sorted(by: { $0.stringValue < $1.stringValue }) {
            members[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return members
    }
}

extension KeyedEncodingContainer where Key: ObjectCodingKey {
    /// Writes `members` beside the declared properties, leaving out any whose key is declared: the declared
    /// property is the one that is sent.
    public mutating func encodeAdditionalProperties(_ members: JSONObject) throws {
        for member in members where !Key.isDeclared(member.key) {
            try encode(member.value, forKey: Key(member.key))
        }
    }
}

extension Decoder {
    /// Every member of the object being decoded, for objects that declare no properties.
    public func additionalProperties() throws -> JSONObject {
        let container = try container(keyedBy: AnyCodingKey.self)
        return try container.jsonMembers(container.allKeys)
    }
}

extension Encoder {
    /// Writes `members` as the whole object, for objects that declare no properties (an empty one is `{}`).
    public func encodeAdditionalProperties(_ members: JSONObject) throws {
        try JSONValue.object(members).encode(to: self)
    }
}
