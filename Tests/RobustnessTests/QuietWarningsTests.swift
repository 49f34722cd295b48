import SpindleYAML
import Testing

/// A vendor's `quietWarnings` reaches the command line's tally with the generation's output.
@Suite struct QuietWarningsTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: 1.0.0}
        paths:
          /ping:
            get: {operationId: ping}
        """

    @Test func theConfigsKindsComeWithTheOutputAndSilenceOnlyThem() async throws {
        let generation = try await generate(files: [
            "openapi.yaml": Array(Self.spec.utf8),
            "spindle.yaml": Array("module: Shop\nquietWarnings: [no-responses]\n".utf8),
        ])
        #expect(generation.succeeded)
        #expect(generation.output.quietWarnings == [.noResponses])
        #expect(generation.diagnostics == ["openapi.yaml:5:10: warning: operation 'get /ping' declares no responses [-Wno-responses]"])
        var tally = WarningTally()
        #expect(tally.shown(generation.output.diagnostics, quieting: generation.output.quietWarnings).isEmpty)
        #expect(tally.summary == "warning summary: 1 no-responses (silenced); 1 warning, 1 silenced")
    }

    @Test func aMisspeltKindInTheConfigFailsTheGeneration() async throws {
        let generation = try await generate(files: [
            "openapi.yaml": Array(Self.spec.utf8),
            "spindle.yaml": Array("quietWarnings: [no-response]\n".utf8),
        ])
        #expect(!generation.succeeded)
        #expect(generation.errors.first?.hasPrefix("spindle.yaml:1:17: error: unknown warning kind 'no-response' in quietWarnings") == true)
    }
}
