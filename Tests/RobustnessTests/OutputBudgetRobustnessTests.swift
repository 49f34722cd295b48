import Foundation
import SpindleGenerator
import Testing

/// Specs that would make the generator write far more than they hold: a located error, nothing written,
/// and no gigabytes in memory on the way (issue #28).
extension Robustness {
@Suite struct OutputBudgetRobustnessTests {
    /// `count` operations that all refer to one parameter whose description is `size` bytes.
    static func spec(operations count: Int, descriptionBytes size: Int) -> String {
        var paths = ""
        for index in 0..<count {
            paths += "/p\(index):\n  get:\n    parameters: [{$ref: '#/components/parameters/Big'}]\n    responses: {'200': {description: ok}}\n"
        }
        return document(paths: paths)
            + "components:\n  parameters:\n    Big: {name: big, in: query, schema: {type: string}, description: '\(String(repeating: "x", count: size))'}\n"
    }

    /// Regression: the shape of the issue's 1 GiB output, without aliases: a 1 MiB parameter description
    /// that 200 operations refer to would be documented 200 times (200 MiB). The default budget (128 MiB)
    /// stops it before anything is rendered, at the operation that contributes most.
    @Test func aDescriptionReferencedByManyOperationsIsStoppedBeforeRendering() async throws {
        let start = ContinuousClock.now
        let generation = try await generate(Self.spec(operations: 200, descriptionBytes: 1 << 20))
        #expect(generation.errors.count == 1)
        let error = try #require(generation.errors.first)
        // Operations are in path order, and `/p100` is the first of the longest paths.
        #expect(error.hasPrefix("openapi.yaml:406:7: error: the generated module would be at least "), "\(error)")
        #expect(error.contains(" bytes, over the budget of 134217728 bytes; the largest part is operation 'GET /p100', at least "))
        #expect(generation.files.isEmpty)
        #expect(generation.writtenFiles() == [])
        #expect(start.duration(to: .now) < .seconds(60))
    }

    /// What the estimate leaves out is caught while rendering: with a budget one byte under the output's
    /// size, rendering stops with a located error and nothing is written.
    @Test func renderingStopsAtTheBudget() async throws {
        let text = Self.spec(operations: 30, descriptionBytes: 100)
        let unlimited = try await generate(text)
        let size = unlimited.files.filter { $0.path.hasSuffix(".swift") }.reduce(0) { $0 + $1.contents.utf8.count }
        #expect(unlimited.succeeded)

        let limited = try await generate(files: ["openapi.yaml": Array(text.utf8)], outputBudget: OutputBudget(maxBytes: size - 1))
        #expect(limited.errors.count == 1)
        #expect(limited.errors.first?.contains(": error: the generated module exceeds the budget of \(size - 1) bytes while writing ") == true, "\(limited.errors)")
        #expect(limited.errors.first?.hasPrefix("openapi.yaml:") == true)
        #expect(limited.writtenFiles() == [])
        // At its size, it fits.
        let exact = try await generate(files: ["openapi.yaml": Array(text.utf8)], outputBudget: OutputBudget(maxBytes: size))
        #expect(exact.succeeded)
    }

    /// The issue's document: one 1 MiB scalar aliased 1,000 times as descriptions (1 GiB of output, 6.2 GB
    /// of memory, a crash under a 6 GB limit). The parser's byte budget stops it at the 65th alias.
    @Test func aLongDescriptionAliasedAThousandTimesIsStoppedByTheParser() async throws {
        var schemas = "Big: {type: string, description: &big '\(String(repeating: "x", count: 1 << 20))'}\n"
        for index in 0..<1_000 { schemas += "S\(index): {type: string, description: *big}\n" }
        let start = ContinuousClock.now
        let generation = try await generate(document(schemas: schemas))
        #expect(generation.errors == [
            "openapi.yaml:72:38: error: alias expansion exceeds the budget of 67108864 bytes of text (possible 'billion laughs' document)"
        ])
        #expect(generation.writtenFiles() == [])
        #expect(start.duration(to: .now) < .seconds(30))
    }
}
}
