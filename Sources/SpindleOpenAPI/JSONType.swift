/// The JSON Schema primitive types of the `type` keyword.
public enum JSONType: String, Hashable, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

extension JSONType {
    /// The spelling as a static string, for matching scalars without making a `String`.
    var staticSpelling: StaticString {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .object: "object"
        case .array: "array"
        case .null: "null"
        }
    }
}
