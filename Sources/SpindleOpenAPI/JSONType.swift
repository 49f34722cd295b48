/// The JSON Schema primitive types of the `type` keyword.
public enum JSONType: String, Hashable, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}
