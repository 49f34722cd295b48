import Foundation

/// The files a spec's `$ref`s may read: those inside a few folders (the spec's own, by default), or
/// any file.
///
/// A spec is input from someone else, and what a reference reads becomes part of the generated API
/// (descriptions, enum values, names). Left unchecked, `$ref: '../../.ssh/config#/x'` or
/// `$ref: /proc/self/environ` would put a file of the machine that runs the generator into code
/// that is then committed and shipped.
///
/// A file is inside a folder when its path, with `.` and `..` folded, is below the folder's, and
/// when its real path (symbolic links resolved) is below the folder's real path too, so a link in
/// the spec folder that points elsewhere does not lead out either. Files that do not exist are
/// judged by their path alone (reading them then fails as for any missing file).
public struct ReferenceScope: Sendable {
    /// A folder references may read from, as an absolute path with `.` and `..` folded, and with
    /// symbolic links resolved.
    struct Folder: Sendable {
        var path: String
        var realPath: String
        /// The folder as it was given, for messages.
        var display: String
    }

    /// `nil` when any file may be read.
    let folders: [Folder]?

    /// Any file may be read (`--allow-external-refs`).
    public static let anywhere = ReferenceScope(folders: nil)

    private init(folders: [Folder]?) { self.folders = folders }

    /// Only files inside `folders` (paths relative to the working directory, or absolute) may be read.
    public static func inside(_ folders: [String]) -> ReferenceScope {
        ReferenceScope(folders: folders.map { folder in
            let path = absolutePath(folder.isEmpty ? "." : folder)
            return Folder(path: path, realPath: realPath(path) ?? path, display: folder.isEmpty ? "." : folder)
        })
    }

    /// Whether references may read any file.
    public var allowsAnyFile: Bool { folders == nil }

    /// Why the file at `path` (a display path, relative to the working directory or absolute) may not
    /// be read, as words that follow "reference 'x'" ("leads outside the spec folder 'specs/shop'"), or
    /// `nil` when it may.
    public func problem(reading path: String) -> String? {
        guard let folders else { return nil }
        guard !path.utf8.contains(0) else { return "names a path with a NUL character" }
        let absolute = Self.absolutePath(path)
        guard folders.contains(where: { Self.isInside(absolute, $0.path) }) else {
            return "leads outside \(describe(folders))"
        }
        // A file that does not exist is reported as unreadable where it is read.
        guard let real = Self.realPath(absolute) else { return nil }
        guard folders.contains(where: { Self.isInside(real, $0.realPath) }) else {
            return "leads outside \(describe(folders)) through a symbolic link"
        }
        return nil
    }

    private func describe(_ folders: [Folder]) -> String {
        let names = folders.map { "'\($0.display)'" }
        return names.count == 1 ? "the spec folder \(names[0])" : "the spec folders \(names.joined(separator: " and "))"
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path.hasPrefix("/") : path == folder || path.hasPrefix(folder + "/")
    }

    /// `path` joined to the working directory when relative, with `.` and `..` folded.
    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return normalizePath(path) }
        return normalizePath(FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// The path with every symbolic link resolved, or `nil` when there is no such file.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension ReferenceScope {
    /// How to let references read more, for messages.
    static let optOut = "allow it with --spec-root DIR, --allow-external-refs or 'allowExternalRefs: true' in spindle.yaml"
}
