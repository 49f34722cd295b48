import Foundation
import Testing

/// Vendor folders that hold no OpenAPI document: each file says why it is not one, at the file.
extension Robustness {
@Suite struct VendorFolderRobustnessTests {
    /// Regression: each of these gave one unlocated `no OpenAPI document found in '…'`.
    @Test(arguments: [
        ("", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file is empty"),
        ("# only a comment\n# and another\n", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file is empty"),
        ("---\n", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file is empty"),
        ("# a comment\njust a scalar\n", "openapi.yaml:2:1: error: no OpenAPI document in 'shop': this file holds a single value, not a mapping with an 'openapi' field"),
        ("42", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file holds a single value, not a mapping with an 'openapi' field"),
        ("- a\n- b\n", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file holds a list, not a mapping with an 'openapi' field"),
        ("info: {title: Shop}\n", "openapi.yaml:1:1: error: no OpenAPI document in 'shop': this file has no 'openapi' version field"),
    ])
    func aFolderWithoutAnOpenAPIDocument(_ text: String, _ expected: String) async throws {
        let generation = try await generate(files: ["openapi.yaml": Array(text.utf8)], root: "")
        let temporary = (generation.specFolder as NSString).deletingLastPathComponent
        #expect(generation.diagnostics.map { $0.replacingOccurrences(of: temporary + "/", with: "") } == [expected])
        #expect(generation.writtenFiles() == [])
    }

    /// Every file is explained; one that does not parse keeps its own error.
    @Test func everyFileSaysWhy() async throws {
        let generation = try await generate(
            files: ["a.yaml": [], "b.json": Array("[1, 2]".utf8), "c.yml": Array("key: [unclosed".utf8), "notes.txt": Array("hi".utf8)],
            root: "")
        #expect(generation.diagnostics.map { $0.replacingOccurrences(of: (generation.specFolder as NSString).deletingLastPathComponent + "/", with: "") } == [
            "a.yaml:1:1: error: no OpenAPI document in 'shop': this file is empty",
            "b.json:1:1: error: no OpenAPI document in 'shop': this file holds a list, not a mapping with an 'openapi' field",
            "c.yml:1:15: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 6)",
        ])
    }

    /// A folder without a single YAML or JSON file has nothing to point at.
    @Test func aFolderWithoutFiles() async throws {
        let generation = try await generate(files: ["README.md": Array("hi".utf8)], root: "")
        #expect(generation.diagnostics.count == 1)
        #expect(generation.diagnostics.first?.hasPrefix("error: no OpenAPI document in '") == true)
        #expect(generation.diagnostics.first?.hasSuffix("/shop': it has no .yaml, .yml or .json file") == true)
    }
}
}
