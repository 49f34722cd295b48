/// The key shape of one object variant of a `oneOf`/`anyOf` without a discriminator.
public struct UnionVariant: Sendable, Hashable {
    /// Properties the variant requires.
    public var requiredKeys: Set<String>
    /// Every property the variant declares (required ones included).
    public var knownKeys: Set<String>

    /// Creates a shape; `required` keys are added to `known`.
    public init(required: Set<String>, known: Set<String>) {
        requiredKeys = required
        knownKeys = known.union(required)
    }
}

/// Helpers generated union `init(from:)`s call to pick a variant.
public enum UnionDecoding {
    /// The keys of the payload if it is an object, else `nil`.
    public static func objectKeys(in decoder: any Decoder) -> Set<String>? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        return Set(container.allKeys.map(\.stringValue))
    }

    /// The indices of the variants worth trying, best first: only variants whose required keys are all
    /// present, ranked by most known keys present, then most required keys (the more specific variant), then
    /// declaration order. Generated code decodes them in this order and falls back to a raw `JSONValue` case.
    public static func rankedVariants(presentKeys: Set<String>, variants: [UnionVariant]) -> [Int] {
        variants.enumerated()
            .filter { $0.element.requiredKeys.isSubset(of: presentKeys) }
            .map { (index: $0.offset, known: $0.element.knownKeys.intersection(presentKeys).count,
                    required: $0.element.requiredKeys.count) }
            .sorted { ($1.known, $1.required, $0.index) < ($0.known, $0.required, $1.index) }
            .map(\.index)
    }

    /// The string value of the discriminator property `key`, or `nil` when the payload is not an object or
    /// the property is missing or not a string.
    public static func discriminator(in decoder: any Decoder, key: String) -> String? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        return try? container.decodeIfPresent(String.self, forKey: AnyCodingKey(key))
    }
}
