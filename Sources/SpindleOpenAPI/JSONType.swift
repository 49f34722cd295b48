import SpindleYAML

/// The JSON Schema primitive types of the `type` keyword.
public enum JSONType: String, Hashable, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

extension JSONType {
    /// The type a scalar names, matched on its bytes without making a `String`; `nil` for anything else.
    init?(matching node: YAMLNode) {
        // Case by case: `allCases` builds an array on every use.
        if node.scalarEquals("string") {
            self = .string
        } else if node.scalarEquals("object") {
            self = .object
        } else if node.scalarEquals("integer") {
            self = .integer
        } else if node.scalarEquals("array") {
            self = .array
        } else if node.scalarEquals("boolean") {
            self = .boolean
        } else if node.scalarEquals("number") {
            self = .number
        } else if node.scalarEquals("null") {
            self = .null
        } else {
            return nil
        }
    }
}
