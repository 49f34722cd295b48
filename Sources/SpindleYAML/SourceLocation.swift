/// A position in a source file: the display path plus a 1-based line and column.
///
/// Locations order by file, then line, then column, so sorted diagnostics read
/// top to bottom, file by file.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path shown in diagnostics (not necessarily the path that was opened).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, counted in characters (Unicode scalars) as libyaml does.
    public var column: Int

    /// Creates a location from a display path and a 1-based line and column.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}
