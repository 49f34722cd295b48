import Foundation
import SpindleYAML
import Testing

@Suite("Files and documents")
struct FileTests {
    /// A fresh temporary directory, removed by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("spindle-yaml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func emptyInputsHaveNoRoot() throws {
        #expect(try YAMLDocument.parse([UInt8](), file: "t.yaml").root == nil)
        #expect(try parse("").root == nil)
        #expect(try parse("\n\n   \n").root == nil)
        #expect(try parse("# only a comment\n").root == nil)
        #expect(try parse("---\n").root == nil)
        #expect(try parse("--- ~\n").root?.isNull == true)
        #expect(try parse("\"\"").root?.scalar == "")
    }

    @Test func readsFilesWithADisplayPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("spec.yaml")
        try Data("openapi: 3.1.0\ninfo: {title: T}\n".utf8).write(to: file)

        let document = try YAMLDocument.parse(contentsOf: file.path, displayPath: "specs/spec.yaml")
        #expect(document.file == "specs/spec.yaml")
        #expect(document.root?["info"]?["title"]?.location.description == "specs/spec.yaml:2:15")

        let undisplayed = try YAMLDocument.parse(contentsOf: file.path)
        #expect(undisplayed.file == file.path)

        let empty = directory.appendingPathComponent("empty.yaml")
        try Data().write(to: empty)
        #expect(try YAMLDocument.parse(contentsOf: empty.path).root == nil)
    }

    @Test func errorsInFilesUseTheDisplayPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try Data("a: 1\na: 2\n".utf8).write(to: file)
        #expect(throws: DiagnosticError(.error("duplicate key 'a' (first defined at specs/bad.yaml:1:1)",
                                               at: SourceLocation(file: "specs/bad.yaml", line: 2, column: 1)))) {
            try YAMLDocument.parse(contentsOf: file.path, displayPath: "specs/bad.yaml")
        }
    }

    @Test func unreadablePaths() throws {
        let missing = "/nonexistent-spindle-dir/spec.yaml"
        do {
            _ = try YAMLDocument.parse(contentsOf: missing, displayPath: "spec.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: cannot read file: \(missing) (No such file or directory)")
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try YAMLDocument.parse(contentsOf: directory.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: cannot read file: \(directory.path) (Is a directory)")
        }
    }

    @Test func onlyTheFirstDocumentIsUsed() throws {
        let document = try parse("a: 1\n---\nb: 2\n--- [3]\n")
        #expect(document.root?["a"]?.int == 1)
        #expect(document.root?["b"] == nil)
        #expect(document.warnings.map(\.description) == [
            "t.yaml:2:1: warning: the file contains more than one YAML document; only the first is used [-Wmultiple-documents]",
        ])
        #expect(try parse("--- {a: 1}\n...\n").warnings.isEmpty)
    }

    @Test func utf16WithByteOrderMark() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + "a: é".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let node = try #require(try YAMLDocument.parse(bytes, file: "t.yaml").root)
        #expect(node["a"]?.scalar == "é")
    }
}
