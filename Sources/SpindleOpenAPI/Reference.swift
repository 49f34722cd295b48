import SpindleYAML

/// A `$ref` as written in a document, resolved against the file it appears in; also the place a
/// schema was read from (its origin), which is a reference nobody wrote.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The file the reference points into (a display path, relative like the file that holds it).
    public let file: String
    /// The JSON pointer inside that file.
    public let pointer: JSONPointer
    /// Where the `$ref` appears.
    public var location: SourceLocation
    /// The text as written; `nil` for a place nobody wrote as a reference.
    private let writtenText: String?

    /// A reference written as `text`.
    public init(file: String, pointer: JSONPointer, text: String, location: SourceLocation) {
        self.file = file
        self.pointer = pointer
        self.writtenText = text
        self.location = location
    }

    /// The place `pointer` denotes in `file`; its text is `#pointer`, spelled only when asked for
    /// (every schema has an origin, few are ever shown).
    public init(file: String, pointer: JSONPointer, location: SourceLocation) {
        self.file = file
        self.pointer = pointer
        self.writtenText = nil
        self.location = location
    }

    /// The text of the `$ref` as written (`#pointer` for an origin).
    public var text: String { writtenText ?? "#\(pointer)" }

    /// The target as `file#pointer`, the identity of what the reference denotes.
    public var target: String { "\(file)#\(pointer)" }

    public var description: String { text }

    // Two references are the same when they point at the same place, wherever they are written.
    public static func == (lhs: Reference, rhs: Reference) -> Bool {
        lhs.pointer == rhs.pointer && lhs.file == rhs.file
    }

    // The last token and the depth tell nearly all targets apart (a spec's references mostly point into
    // one file); hashing every token and the file path as well made the loader's reference tables a
    // tenth of loading. Equality still compares everything.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(pointer.count)
        hasher.combine(pointer.lastToken)
    }
}
