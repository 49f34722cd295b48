/// Generated objects keep the members their schema does not declare in `additionalProperties`, so a value that
/// is fetched, changed and sent back loses nothing the server sent, whatever the schema's own
/// `additionalProperties` says (a server that adds fields before its spec does is the common case).
///
/// The members are sorted by key: `Decoder` does not report document order.
extension KeyedDecodingContainer {
    /// The members of the object that its schema does not declare: the keys ``ObjectKey`` lets the decoder list.
    @inlinable
    public func additionalProperties<Owner>() throws -> JSONObject where Key == ObjectKey<Owner> {
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

extension KeyedEncodingContainer {
    /// Writes `members` beside the declared properties, leaving out any whose key the schema declares: the
    /// declared property is the one that is sent.
    public mutating func encodeAdditionalProperties<Owner>(_ members: JSONObject) throws where Key == ObjectKey<Owner> {
        for member in members where !Owner.declaredNames.contains(member.key) {
            try encode(member.value, forKey: ObjectKey(member.key))
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
