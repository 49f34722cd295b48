import Foundation
import SpindleGenerator
import Testing

/// `--check` and atomic replacement of a module's output folder.
@Suite struct OutputDirectoryTests {
    let files = [
        GeneratedFile(path: "A.swift", contents: "a\n"),
        GeneratedFile(path: "Types/B.swift", contents: "b\n"),
    ]

    @Test func freshTreeHasNoChanges() throws {
        let folder = try RepositoryPaths.temporaryFolder() + "/Module"
        let directory = OutputDirectory(path: folder)
        try directory.replace(with: files)
        #expect(directory.changes(for: files).isEmpty)
    }

    @Test func staleTreeListsAddedModifiedAndRemovedFiles() throws {
        let folder = try RepositoryPaths.temporaryFolder() + "/Module"
        let directory = OutputDirectory(path: folder)
        try directory.replace(with: files + [GeneratedFile(path: "Old.swift", contents: "old\n")])
        let next = [GeneratedFile(path: "A.swift", contents: "a2\n"), GeneratedFile(path: "C.swift", contents: "c\n")]
        let changes = directory.changes(for: next)
        #expect(changes.added == ["C.swift"])
        #expect(changes.modified == ["A.swift"])
        #expect(changes.removed == ["Old.swift", "Types/B.swift"])
        try directory.replace(with: next)
        #expect(directory.changes(for: next).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/Old.swift"))
    }

    /// Build systems recompile what is newer than its outputs: a regeneration that changes one file
    /// must leave the others as they were, modification time included.
    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let folder = try RepositoryPaths.temporaryFolder() + "/Module"
        let directory = OutputDirectory(path: folder)
        try directory.replace(with: files)
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder + "/" + file.path)
        }
        func modified(_ path: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: folder + "/" + path)[.modificationDate] as? Date
        }
        let next = [GeneratedFile(path: "A.swift", contents: "a2\n"), files[1], GeneratedFile(path: "C.swift", contents: "c\n")]
        try directory.replace(with: next)
        #expect(try modified("Types/B.swift") == past)
        #expect(try modified("A.swift") != past)
        #expect(directory.changes(for: next).isEmpty)
        // The same when the caller passes the changes it computed, as `spindle generate` does.
        let again = [GeneratedFile(path: "A.swift", contents: "a3\n"), files[1], next[2]]
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder + "/C.swift")
        try directory.replace(with: again, changes: directory.changes(for: again))
        #expect(try modified("Types/B.swift") == past)
        #expect(try modified("C.swift") == past)
        #expect(try String(contentsOfFile: folder + "/A.swift", encoding: .utf8) == "a3\n")
        #expect(directory.changes(for: again).isEmpty)
    }

    @Test func aFailedWriteLeavesTheTreeAsItWas() throws {
        let folder = try RepositoryPaths.temporaryFolder() + "/Module"
        let directory = OutputDirectory(path: folder)
        try directory.replace(with: files)
        // A path that cannot be a file (a folder is in the way) makes the write fail midway.
        let bad = files + [GeneratedFile(path: "Types/B.swift/C.swift", contents: "c\n")]
        #expect(throws: (any Error).self) { try directory.replace(with: bad) }
        #expect(directory.changes(for: files).isEmpty)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (folder as NSString).deletingLastPathComponent)
        #expect(siblings == ["Module"], "no staging folder may be left behind")
    }

    @Test func aSpecWithErrorsProducesNoFiles() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        try "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n"
            .write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        let output = VendorGenerator(specPath: folder).run()
        #expect(!output.succeeded)
        #expect(output.files.isEmpty)
        #expect(output.diagnostics.map(\.description).contains { $0.hasPrefix("\(folder)/openapi.yaml:11:30: error: dangling reference '#/components/schemas/Missing'") }, "\(output.diagnostics)")
    }
}
