import Foundation
import SpindleGenerator
import Testing

/// Names from the spec that become file names: too long for a file system, or shaped like paths.
extension Robustness {
@Suite struct OutputPathRobustnessTests {
    /// Regression: a 5,000-character schema name failed with Foundation's "file name is invalid", unlocated.
    /// The type keeps its name; its file name is capped, and the code type-checks.
    @Test func aSchemaNameOf5000CharactersGeneratesAndTypeChecks() async throws {
        let long = String(repeating: "Pet", count: 1_666) + "Ab"
        let longer = long + "Cd"
        // Explicit keys (`? key`): libyaml's simple keys, in YAML and JSON alike, stop at 1,024 characters.
        let text = document(
            paths: "/pets: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/\(long)'}}}}}}}",
            schemas: """
                ? \(long)
                : {type: object, properties: {next: {$ref: '#/components/schemas/\(longer)'}}}
                ? \(longer)
                : {type: string, enum: [a, b]}
                """)
        let generation = try await generate(text)
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let types = generation.writtenFiles().filter { $0.hasPrefix("Shop/Types/") }
        try #require(types.count == 2)
        #expect(types.allSatisfy { ($0 as NSString).lastPathComponent.utf8.count <= 200 })
        #expect(types[0] != types[1])
        // The two files share their first 180 bytes; the hash of the whole name tells them apart.
        let declarations = try types.map { try generation.file(String($0.dropFirst(5))) }
        #expect(declarations.contains { $0.contains("public struct \(long): ") })
        #expect(declarations.contains { $0.contains("public struct \(longer): ") })
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    /// Path segments and schema names written like paths become identifiers, and so file names inside
    /// the output folder.
    @Test func pathLikeNamesInTheSpecStayInsideTheOutputFolder() async throws {
        let text = document(
            paths: """
                /../../escaped:
                  get: {operationId: ../../escaped, tags: [../escaped], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/~1..~1..~1escaped'}}}}}}
                """,
            schemas: "/../../escaped: {type: object, title: ../../title, properties: {a: {type: string}}}")
        let generation = try await generate(text)
        #expect(generation.errors == [])
        #expect(generation.succeeded)
        for file in generation.files {
            #expect(!file.path.contains(".."), "\(file.path)")
        }
        let temporary = (generation.specFolder as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).sorted() == ["out", "shop"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: generation.outputFolder) == ["Shop"])
    }
}
}
