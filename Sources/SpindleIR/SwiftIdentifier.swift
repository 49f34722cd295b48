/// What counts as a name Spindle may paste into generated Swift or use as a file name.
///
/// Names from a spec are converted (``SwiftNaming``), so they are identifiers by construction; names
/// from `spindle.yaml` are written by hand and used as they are, so they are checked here instead. A
/// name that passes cannot break out of the declaration it names, and cannot name a folder (`..`, `/`).
public enum SwiftIdentifier: Sendable {
    /// Whether `name` is a Swift identifier written without backquotes: a letter or `_` and then
    /// letters, digits and `_`, with the Unicode ranges of The Swift Programming Language's
    /// identifier grammar. `_` alone is the wildcard, not a name.
    ///
    /// Stricter than Swift in one way: invisible characters the grammar admits (zero-width spaces
    /// and joiners, bidirectional overrides, U+2060–U+206F) are refused, since they make a name read as
    /// something other than what it is.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name != "_" else { return false }
        guard isHead(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { isHead($0) || isContinuation($0) }
    }

    /// Whether `name` is dotted identifiers, `customers.integrations.list`, none of them empty.
    public static func isValidPath(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { isValid(String($0)) }
    }

    /// Whether `name` is a portable environment variable name: `[A-Za-z_][A-Za-z0-9_]*` (POSIX).
    public static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
        }
    }

    private static func isHead(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        if invisible.contains(where: { $0.contains(value) }) { return false }
        // Planes 1 to 14, each but its last two code points.
        if (0x10000...0xEFFFD).contains(value) { return value & 0xFFFE != 0xFFFE }
        return headRanges.contains { $0.contains(value) }
    }

    private static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x30...0x39).contains(value) || continuationRanges.contains { $0.contains(value) }
    }

    private static let invisible: [ClosedRange<UInt32>] = [0x200B...0x200D, 0x202A...0x202E, 0x2060...0x206F]

    // The grammar's identifier-head ranges beyond ASCII.
    private static let headRanges: [ClosedRange<UInt32>] = [
        0xA8...0xA8, 0xAA...0xAA, 0xAD...0xAD, 0xAF...0xAF, 0xB2...0xB5, 0xB7...0xBA, 0xBC...0xBE, 0xC0...0xD6,
        0xD8...0xF6, 0xF8...0xFF, 0x100...0x2FF, 0x370...0x167F, 0x1681...0x180D, 0x180F...0x1DBF, 0x1E00...0x1FFF,
        0x203F...0x2040, 0x2054...0x2054, 0x2070...0x20CF, 0x2100...0x218F, 0x2460...0x24FF, 0x2776...0x2793,
        0x2C00...0x2DFF, 0x2E80...0x2FFF, 0x3004...0x3007, 0x3021...0x302F, 0x3031...0x303F, 0x3040...0xD7FF,
        0xF900...0xFD3D, 0xFD40...0xFDCF, 0xFDF0...0xFE1F, 0xFE30...0xFE44, 0xFE47...0xFFFD,
    ]

    // Combining marks, which may follow but not start an identifier.
    private static let continuationRanges: [ClosedRange<UInt32>] = [
        0x300...0x36F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
    ]
}
