import SpindleYAML

/// A `$ref` as written in a document, resolved against the file it appears in.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The file the reference points into (a display path, relative like the file that holds it).
    public let file: String
    /// The JSON pointer inside that file.
    public let pointer: JSONPointer
    /// The text of the `$ref` as written.
    public var text: String
    /// Where the `$ref` appears.
    public var location: SourceLocation

    public init(file: String, pointer: JSONPointer, text: String, location: SourceLocation) {
        self.file = file
        self.pointer = pointer
        self.text = text
        self.location = location
        self.target = "\(file)#\(pointer)"
    }

    /// The target as `file#pointer`, the identity of what the reference denotes (computed once:
    /// it keys the loader's caches).
    public let target: String

    public var description: String { text }

    // Two references are the same when they point at the same place, wherever they are written.
    public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.target == rhs.target }
    public func hash(into hasher: inout Hasher) { hasher.combine(target) }
}
