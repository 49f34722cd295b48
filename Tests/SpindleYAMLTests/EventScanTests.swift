import SpindleYAML
import Testing

@Suite("Bare event scan")
struct EventScanTests {
    @Test func countsEvents() throws {
        // stream start, document start, mapping start, 2 scalars, mapping end, document end, stream end
        #expect(try YAMLEventScan.countEvents(in: Array("a: 1".utf8)) == 8)
        #expect(try YAMLEventScan.countEvents(in: Array("[1, [2], {a: b}]".utf8)) == 14)
        #expect(try YAMLEventScan.countEvents(in: []) == 2)
    }

    @Test func reportsErrors() {
        #expect(throws: DiagnosticError(.error("mapping values are not allowed in this context",
                                               at: SourceLocation(file: "<input>", line: 1, column: 5)))) {
            try YAMLEventScan.countEvents(in: Array("a: b: c".utf8))
        }
    }
}
