/// A JSON object that keeps its members in insertion (or document) order.
///
/// Equality and hashing ignore order, because JSON objects are unordered; order is kept for readable output
/// and for round-tripping documents byte-for-byte where possible. Setting an existing key replaces its value
/// in place.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member.
    public typealias Member = (key: String, value: JSONValue)

    private var keyList: [String] = []
    private var storage: [String: JSONValue] = [:]

    /// Creates an empty object.
    public init() {}

    /// Creates an object from members in order; a repeated key keeps its first position and last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    /// Creates an object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The value for `key`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil {
                    keyList.append(key)
                }
            } else if storage.removeValue(forKey: key) != nil {
                keyList.removeAll { $0 == key }
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { keyList }

    /// The number of members.
    public var count: Int { keyList.count }

    /// Whether there are no members.
    public var isEmpty: Bool { keyList.isEmpty }

    /// Iterates members in order.
    public func makeIterator() -> some IteratorProtocol<Member> {
        keyList.lazy.compactMap { key in self.storage[key].map { (key: key, value: $0) } }.makeIterator()
    }

    /// Order-insensitive equality.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage == rhs.storage
    }

    /// Order-insensitive hashing.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}
