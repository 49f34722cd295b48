/// Generated objects keep the members their schema does not declare in `additionalProperties`, so a value that
/// is fetched, changed and sent back loses nothing the server sent, whatever the schema's own
/// `additionalProperties` says (a server that adds fields before its spec does is the common case).
///
/// The members are sorted by key: `Decoder` does not report document order.
extension Decoder {
    /// The members of the object being decoded whose keys `Keys` does not declare.
    public func additionalProperties<Keys: CodingKey>(excluding keys: Keys.Type) throws -> JSONObject {
        try additionalProperties { Keys(stringValue: $0) == nil }
    }

    /// Every member of the object being decoded, for objects that declare no properties.
    public func additionalProperties() throws -> JSONObject {
        try additionalProperties { _ in true }
    }

    private func additionalProperties(where isAdditional: (String) -> Bool) throws -> JSONObject {
        let container = try container(keyedBy: AnyCodingKey.self)
        var members = JSONObject()
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where isAdditional(key.stringValue) {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return members
    }
}

extension Encoder {
    /// Writes `members` beside the declared properties, leaving out any whose key `Keys` declares: the declared
    /// property is the one that is sent.
    public func encodeAdditionalProperties<Keys: CodingKey>(_ members: JSONObject, excluding keys: Keys.Type) throws {
        var container = container(keyedBy: AnyCodingKey.self)
        for member in members where Keys(stringValue: member.key) == nil {
            try container.encode(member.value, forKey: AnyCodingKey(member.key))
        }
    }

    /// Writes `members` as the whole object, for objects that declare no properties (an empty one is `{}`).
    public func encodeAdditionalProperties(_ members: JSONObject) throws {
        var container = container(keyedBy: AnyCodingKey.self)
        for member in members {
            try container.encode(member.value, forKey: AnyCodingKey(member.key))
        }
    }
}
