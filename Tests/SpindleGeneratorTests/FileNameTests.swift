import Foundation
import Testing

@testable import SpindleGenerator

/// File names of generated declarations fit every file system, and no generated path leaves the
/// output folder.
@Suite struct FileNameTests {
    @Test func shortNamesAreKept() {
        #expect(FileNames.swiftFile("Customer") == "Customer.swift")
        #expect(FileNames.swiftFile("Café") == "Café.swift")
    }

    @Test func longNamesAreCappedWithAHashOfTheWholeName() {
        let long = String(repeating: "A", count: 5_000)
        let other = long + "B"
        let file = FileNames.swiftFile(long)
        #expect(file.utf8.count == FileNames.maximumComponentBytes)
        #expect(file.hasPrefix(String(repeating: "A", count: 100)))
        #expect(file.hasSuffix(".swift"))
        #expect(FileNames.swiftFile(other) != file)
        #expect(FileNames.swiftFile(long) == file)
        // Multi-byte characters are never cut in half.
        let accented = FileNames.swiftFile(String(repeating: "é", count: 300))
        #expect(accented.utf8.count <= FileNames.maximumComponentBytes)
        #expect(accented.hasPrefix("éé"))
    }

    @Test func unsafeCharactersCannotNameAnotherFolder() {
        #expect(FileNames.swiftFile("../x") == "_.._x.swift")
        #expect(FileNames.swiftFile("a/b\\c") == "a_b_c.swift")
        #expect(FileNames.swiftFile("a\u{0}b\nc") == "a_b_c.swift")
        #expect(FileNames.swiftFile(".hidden") == "_.hidden.swift")
        #expect(FileNames.swiftFile("") == "_.swift")
    }

    @Test(arguments: ["../escaped.swift", "Types/../../escaped.swift", "/tmp/escaped.swift", "Types//A.swift", "./A.swift",
                      ".hidden.swift", "Types/a\u{0}b.swift", "a\\..\\b.swift", String(repeating: "a", count: 256)])
    func unsafePathsAreRefusedBeforeAnythingIsWritten(_ path: String) throws {
        let temporary = NSTemporaryDirectory() + "spindle-paths-" + UUID().uuidString
        let folder = temporary + "/out/Module"
        let files = [GeneratedFile(path: "A.swift", contents: "a\n"), GeneratedFile(path: path, contents: "x\n")]
        #expect(throws: UnsafeOutputPath.self) { try OutputDirectory(path: folder).replace(with: files) }
        // Nothing at all: not the good file, not the staging folder, nothing next to the output.
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }
}
