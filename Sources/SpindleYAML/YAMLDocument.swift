/// A parsed YAML or JSON file: an immutable, source-located node tree.
///
/// Nodes live in contiguous arrays (an arena) inside the document; ``YAMLNode`` is a
/// cheap `(document, index)` view, and strings are created only when asked for.
/// Anchored nodes are shared: every alias of an anchor yields the same node.
///
/// Only the first document of a multi-document stream is used; the others are still
/// checked for syntax errors, and a located warning (in ``warnings``) says they were ignored.
public final class YAMLDocument: Sendable {
    /// The display path used in diagnostics and node locations.
    public let file: String
    /// Non-fatal diagnostics found while parsing (for example ignored extra documents).
    public let warnings: [Diagnostic]

    let nodes: [NodeRecord]
    let children: [UInt32]
    let scalarBytes: [UInt8]
    let tags: [UInt32: String]
    let rootIndex: UInt32?
    /// Long scalars' strings, shared by every read of their node.
    let longScalars = LongScalarCache()

    init(
        file: String, warnings: [Diagnostic], nodes: [NodeRecord], children: [UInt32],
        scalarBytes: [UInt8], tags: [UInt32: String], rootIndex: UInt32?
    ) {
        self.file = file
        self.warnings = warnings
        self.nodes = nodes
        self.children = children
        self.scalarBytes = scalarBytes
        self.tags = tags
        self.rootIndex = rootIndex
    }

    /// The top-level node, or `nil` for an empty file or an empty document (`---` alone).
    public var root: YAMLNode? {
        rootIndex.map { YAMLNode(document: self, index: $0) }
    }

    /// How many distinct nodes the document stores (shared alias targets count once).
    public var nodeCount: Int { nodes.count }

    /// Reads and parses a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayPath: The path shown in diagnostics and locations; defaults to `path`.
    ///   - limits: Resource limits.
    /// - Throws: ``DiagnosticError`` if the file cannot be read or is not valid YAML.
    public static func parse(
        contentsOf path: String, displayPath: String? = nil, limits: YAMLLimits = .default
    ) throws(DiagnosticError) -> YAMLDocument {
        let bytes: [UInt8]
        switch FileReader.readBytes(atPath: path) {
        case .success(let contents):
            bytes = contents
        case .failure(let failure):
            throw DiagnosticError(.error("cannot read file: \(path) (\(failure.reason))", at: nil))
        }
        return try parse(bytes, file: displayPath ?? path, limits: limits)
    }

    /// Parses YAML or JSON bytes (UTF-8, or UTF-16 with a byte order mark).
    ///
    /// - Parameters:
    ///   - bytes: The file contents.
    ///   - file: The display path used in diagnostics and locations.
    ///   - limits: Resource limits.
    /// - Throws: ``DiagnosticError`` holding every error and warning found, sorted.
    public static func parse(
        _ bytes: [UInt8], file: String, limits: YAMLLimits = .default
    ) throws(DiagnosticError) -> YAMLDocument {
        var builder = TreeBuilder(file: file, limits: limits, inputSize: bytes.count)
        bytes.withUnsafeBufferPointer { input in
            builder.run(input)
        }
        return try builder.finish()
    }

    /// Parses YAML or JSON text.
    ///
    /// - Parameters:
    ///   - text: The file contents.
    ///   - file: The display path used in diagnostics and locations.
    ///   - limits: Resource limits.
    /// - Throws: ``DiagnosticError`` holding every error and warning found, sorted.
    public static func parse(
        _ text: String, file: String, limits: YAMLLimits = .default
    ) throws(DiagnosticError) -> YAMLDocument {
        try parse(Array(text.utf8), file: file, limits: limits)
    }
}
