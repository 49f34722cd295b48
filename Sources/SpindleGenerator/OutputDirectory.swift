import Foundation

/// A module's output folder, replaced as a whole so a failed or interrupted run never leaves it
/// half-written.
public struct OutputDirectory {
    public var path: String

    public init(path: String) { self.path = path }

    /// How the folder differs from what would be generated.
    public struct Changes: Equatable, Sendable {
        public var added: [String] = []
        public var modified: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
        /// Every path that differs, sorted.
        public var all: [String] { (added + modified + removed).sorted() }
    }

    /// Compares `files` with what is on disk, without writing anything.
    public func changes(for files: [GeneratedFile]) -> Changes {
        let existing = Set(listFiles())
        var changes = Changes()
        for file in files {
            if !existing.contains(file.path) {
                changes.added.append(file.path)
            } else if FileManager.default.contents(atPath: path + "/" + file.path) != Data(file.contents.utf8) {
                changes.modified.append(file.path)
            }
        }
        changes.removed = existing.subtracting(files.map(\.path)).sorted()
        return changes
    }

    /// Writes exactly `files` into the folder: into a sibling staging folder first, which then
    /// takes the folder's place. Files that no longer belong disappear with the old folder.
    ///
    /// A file whose contents did not change is carried over (hard-linked) rather than rewritten, so
    /// it keeps its modification time: build systems decide what to recompile from it, and a spec bump
    /// that changes one type then rebuilds that type's file and what depends on it, not the whole
    /// module. `changes`, when the caller has computed it for these files, saves reading every file again.
    ///
    /// Every path is checked before anything is written: one that could leave the folder (`..`, an
    /// absolute path) throws ``UnsafeOutputPath`` and leaves the folder untouched.
    public func replace(with files: [GeneratedFile], changes: Changes? = nil) throws {
        for file in files { try file.checkPath() }
        let manager = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if !parent.isEmpty { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).spindle-staging-\(ProcessInfo.processInfo.processIdentifier)"
        let backup = (parent.isEmpty ? "" : parent + "/") + ".\(name).spindle-old-\(ProcessInfo.processInfo.processIdentifier)"
        try? manager.removeItem(atPath: staging)
        do {
            let changes = changes.map { (added: Set($0.added), modified: Set($0.modified)) }
            // Each folder is created once, and files are written plainly: the staging folder is what makes
            // the update atomic, so a temporary file and a rename per file (what `createFile` does) would only
            // double the work for a 1,600-file client.
            var folders: Set<String> = []
            for file in files {
                let target = staging + "/" + file.path
                // The component check above, restated on the normalized path: nothing outside the folder.
                guard URL(fileURLWithPath: target).standardizedFileURL.path.hasPrefix(URL(fileURLWithPath: staging).standardizedFileURL.path + "/") else {
                    throw UnsafeOutputPath(path: file.path, reason: "it resolves outside the output folder")
                }
                let folder = (target as NSString).deletingLastPathComponent
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let existing = path + "/" + file.path
                let contents = Data(file.contents.utf8)
                let unchanged = changes.map { !$0.added.contains(file.path) && !$0.modified.contains(file.path) }
                    ?? (manager.contents(atPath: existing) == contents)
                if unchanged, carryOver(existing, to: target) { continue }
                try contents.write(to: URL(fileURLWithPath: target))
            }
            if manager.fileExists(atPath: path) {
                try manager.moveItem(atPath: path, toPath: backup)
                do {
                    try manager.moveItem(atPath: staging, toPath: path)
                } catch {
                    try? manager.moveItem(atPath: backup, toPath: path)
                    throw error
                }
                try? manager.removeItem(atPath: backup)
            } else {
                try manager.moveItem(atPath: staging, toPath: path)
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// Links the unchanged file at `existing` into the staging folder at `target`; false when the file
    /// system cannot (the caller then writes the file).
    private func carryOver(_ existing: String, to target: String) -> Bool {
        var status = stat()
        // Only a regular file: a link to a symbolic link would carry the link, not the contents.
        guard lstat(existing, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        return link(existing, target) == 0
    }

    /// Relative paths of every regular file below the folder, sorted.
    func listFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}
