import SpindleYAML

/// One API, merged from one or more OpenAPI documents (fragments) that describe parts of it.
public struct APIDescription: Sendable {
    public var title: String
    /// The highest `info.version` of the fragments.
    public var version: String
    public var description: String?
    /// The `openapi` field of the fragment that gave the highest version.
    public var openAPIVersion: String
    public var servers: [Server]
    public var security: [SecurityRequirement]
    public var securitySchemes: [(name: String, scheme: SecurityScheme)]
    public var tags: [Tag]
    /// Every operation, sorted by path then method; each remembers its fragment in `file`.
    public var operations: [Operation]
    /// `components.schemas` of all fragments, one per name, sorted by name.
    public var schemas: [(name: String, schema: Schema)]
    /// The fragment files, sorted.
    public var fragments: [String]

    /// The component name a reference denotes when it points at `#/components/schemas/NAME` of a
    /// fragment: references from different fragments to their copy of a shared schema meet here.
    public func componentName(of reference: Reference) -> String? {
        guard reference.pointer.count == 3 else { return nil }
        let tokens = reference.pointer.tokens
        guard tokens[0] == "components", tokens[1] == "schemas", fragments.contains(reference.file) else { return nil }
        return tokens[2]
    }
}
