/// A generated object type: it names the JSON members its schema declares, so that ``ObjectKey`` can tell
/// them from the members that go to `additionalProperties`.
public protocol DeclaredMembers {
    /// The JSON names of the properties the schema declares.
    static var declaredNames: Set<String> { get }
}

/// The coding key of a generated object's members, `Owner` being the object type.
///
/// Generated code spells the declared keys as string literals (`forKey: "created_at"`). A decoder asks
/// `init(stringValue:)` only for the keys it lists in `allKeys`, and this key refuses the declared names
/// there: `allKeys` lists just the undeclared members, usually none, so finding `additionalProperties` costs
/// one set lookup per member and nothing more. (Listing every key and filtering afterwards boxed and cast each
/// key back through `any CodingKey`: a third of the instructions of decoding a Stigg customer list.) One
/// generic key for every object, not a `CodingKeys` type per object, keeps the compiled module small (issue #16).
public struct ObjectKey<Owner: DeclaredMembers>: CodingKey, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The member's JSON name.
    public let stringValue: String

    /// The key of the member named `name`, declared or not.
    public init(_ name: String) {
        stringValue = name
    }

    /// A declared member's key, as generated code writes it.
    public init(stringLiteral name: String) {
        stringValue = name
    }

    /// The key of an undeclared member, or nil for a declared one: what a decoder lists in `allKeys`.
    public init?(stringValue: String) {
        guard !Owner.declaredNames.contains(stringValue) else { return nil }
        self.stringValue = stringValue
    }

    /// Objects have no integer keys.
    public var intValue: Int? { nil }

    /// Objects have no integer keys.
    public init?(intValue: Int) {
        nil
    }
}
