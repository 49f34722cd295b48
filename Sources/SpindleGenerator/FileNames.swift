/// File names for generated declarations, and the rule every generated path obeys.
///
/// A declaration's name is a Swift identifier (config names are checked, spec names converted), but
/// identifiers may be far longer than a file system allows (a 5,000-character schema name); and
/// whatever a bug upstream lets through, no path may reach outside the output folder.
enum FileNames {
    /// The longest file name written, in UTF-8 bytes: below the 255 of common file systems, with room
    /// for the staging folder's suffixes.
    static let maximumComponentBytes = 200

    /// `<name>.swift`, made safe as one path component and capped at ``maximumComponentBytes``.
    ///
    /// A name too long keeps its beginning and replaces the rest with a hash of the whole name, so two
    /// long names that share their beginning still get two files, and the same name always gets the
    /// same file.
    static func swiftFile(_ name: String) -> String {
        let fileExtension = ".swift"
        let stem = safeComponent(name)
        guard stem.utf8.count + fileExtension.utf8.count > maximumComponentBytes else { return stem + fileExtension }
        let hash = "-" + contentHash([Array(name.utf8)])
        let budget = maximumComponentBytes - fileExtension.utf8.count - hash.utf8.count
        var kept = ""
        var used = 0
        // Whole characters only: cutting inside one would leave invalid UTF-8 or a broken cluster.
        for character in stem {
            let size = character.utf8.count
            guard used + size <= budget else { break }
            kept.append(character)
            used += size
        }
        return kept + hash + fileExtension
    }

    /// `name` with every character that could name another folder, end the name or hide the file replaced
    /// by `_`: separators, NUL and other controls, a leading `.`.
    static func safeComponent(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            let unsafe = scalar == "/" || scalar == "\\" || scalar == ":" || scalar.value < 0x20 || scalar.value == 0x7F
            result.unicodeScalars.append(unsafe ? "_" : scalar)
        }
        if result.isEmpty || result.hasPrefix(".") { result = "_" + result }
        return result
    }

    /// Why `path` (relative to the output folder) could land outside it or is no plain file name, or `nil`.
    ///
    /// Checked on the components themselves rather than on a resolved path: the output folder does not
    /// exist yet when files are staged, and nothing in a fresh staging folder is a symbolic link.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "an empty path" }
        if path.hasPrefix("/") { return "an absolute path" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return "the path component '\(component)'" }
            if component.hasPrefix(".") { return "the hidden file name '\(component)'" }
            if component.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) { return "a control character or backslash" }
            if component.utf8.count > 255 { return "a file name longer than 255 bytes" }
        }
        return nil
    }
}

/// A generated path that would leave the output folder, or that no file system can hold.
public struct UnsafeOutputPath: Error, CustomStringConvertible, Sendable {
    /// The path as the generator made it, relative to the output folder.
    public let path: String
    /// What is wrong with it.
    public let reason: String
    /// `refusing to write '…': reason`, with control characters shown as `?`.
    public var description: String {
        "refusing to write '\(path.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined())': \(reason)"
    }
}

extension GeneratedFile {
    /// Throws ``UnsafeOutputPath`` unless ``path`` stays inside the output folder.
    func checkPath() throws {
        if let reason = FileNames.problem(with: path) { throw UnsafeOutputPath(path: path, reason: reason) }
    }
}
