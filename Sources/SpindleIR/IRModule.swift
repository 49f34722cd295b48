/// Everything an emitter needs to write one API's Swift module.
public struct IRModule: Sendable {
    public var moduleName: String
    public var clientName: String
    public var title: String
    public var version: String
    public var description: String?
    /// Top-level types, sorted by name; nested types hang off their parents.
    public var types: [IRType]
    /// Operations sorted by resource then method name.
    public var operations: [IROperation]
    public var servers: [IRServer]
    /// The security schemes the operations use, in the spec's order, each with its environment variable.
    public var securitySchemes: [IRSecurityScheme]
    /// The requirements of operations that state none (the spec's top-level `security`), as
    /// ``IROperation/securityRequirements``.
    public var security: [[String]] = []
    /// The environment variable the client reads its credential from when none is passed (`auth.environmentVariable`).
    public var credentialEnvironmentVariable: String?
    /// The fragments the API was loaded from.
    public var sourceFiles: [String]
    /// Every name this build gave, to keep them in the next build (see ``NameLock``).
    public var names: NameLock
}

extension IRModule {
    /// The number of generated types, nested ones included.
    public var typeCount: Int {
        func count(_ type: IRType) -> Int { 1 + type.nested.reduce(0) { $0 + count($1) } }
        return types.reduce(0) { $0 + count($1) }
    }
}
