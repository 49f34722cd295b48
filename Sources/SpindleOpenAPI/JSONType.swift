import SpindleYAML

/// The JSON Schema primitive types of the `type` keyword.
public enum JSONType: String, Hashable, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

extension JSONType {
    /// The type a scalar names, matched on its bytes without making a `String`; `nil` for anything else.
    init?(matching node: YAMLNode) {
        guard let type = Self.cases.first(where: { node.hasScalar($0.rawValue) }) else { return nil }
        self = type
    }

    // Kept: `allCases` builds a new array on every use, and every schema's `type` is matched.
    private static let cases = allCases
}
