/// One file the emitter writes, relative to the module's output folder.
public struct GeneratedFile: Hashable, Sendable {
    /// The path relative to the output folder, e.g. `Types/Customer.swift`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
