import SpindleYAML

/// A `$ref` as written in a document, resolved against the file it appears in.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The file the reference points into (a display path, relative like the file that holds it).
    public var file: String
    /// The JSON pointer inside that file.
    public var pointer: JSONPointer
    /// The text of the `$ref` as written.
    public var text: String
    /// Where the `$ref` appears.
    public var location: SourceLocation

    public init(file: String, pointer: JSONPointer, text: String, location: SourceLocation) {
        self.file = file
        self.pointer = pointer
        self.text = text
        self.location = location
    }

    /// The target as `file#pointer`, the identity of what the reference denotes.
    public var target: String { "\(file)#\(pointer)" }

    public var description: String { text }

    // Two references are the same when they point at the same place, wherever they are written.
    public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.target == rhs.target }
    public func hash(into hasher: inout Hasher) { hasher.combine(target) }
}
