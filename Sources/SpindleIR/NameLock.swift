/// Names a previous generation gave, so that regenerating after a spec bump keeps them.
///
/// Without it, a new schema that takes over a title, or a new operation that collides with an
/// existing method name, could rename code users already call. With it, a name changes only when
/// what it named is gone or the config says so.
public struct NameLock: Codable, Equatable, Sendable {
    /// Type path by schema key (component name, title + origin, enum values or origin).
    public var types: [String: [String]]
    /// Call path (`customers.list`) by `METHOD /path`.
    public var operations: [String: String]

    public init(types: [String: [String]] = [:], operations: [String: String] = [:]) {
        self.types = types
        self.operations = operations
    }
}
