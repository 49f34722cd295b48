/// Resource limits that keep hostile or broken input from exhausting the stack or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest allowed nesting of collections, including nesting reached through aliases.
    /// Deeper input is reported as an error rather than risking a stack overflow later.
    public var maxDepth: Int
    /// The total number of nodes that alias uses may expand to, summed over all aliases
    /// (each use costs the size of the referenced subtree). Guards against "billion laughs".
    public var maxAliasExpansion: Int
    /// The total bytes of scalar text that alias uses may expand to, summed over all aliases (each
    /// use costs the text of the referenced subtree, keys included). Guards against a few long
    /// scalars aliased many times, which stay under the node budget.
    public var maxAliasExpansionBytes: Int
    /// The largest single scalar, in UTF-8 bytes.
    public var maxScalarBytes: Int

    /// Creates limits; the defaults are those of ``default``.
    public init(
        maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000, maxAliasExpansionBytes: Int = 64 << 20,
        maxScalarBytes: Int = 64 << 20
    ) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasExpansionBytes = maxAliasExpansionBytes
        self.maxScalarBytes = maxScalarBytes
    }

    /// Depth 256, one million alias-expanded nodes and 64 MiB of alias-expanded text, 64 MiB scalars.
    public static let `default` = YAMLLimits()
}
