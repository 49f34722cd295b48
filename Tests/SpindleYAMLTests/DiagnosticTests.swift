import SpindleYAML
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    let location = SourceLocation(file: "specs/stigg/customers.yaml", line: 523, column: 17)

    @Test func sourceLocationDescription() {
        #expect(location.description == "specs/stigg/customers.yaml:523:17")
    }

    @Test func sourceLocationOrdersByFileLineColumn() {
        let unsorted = [
            SourceLocation(file: "b.yaml", line: 1, column: 1),
            SourceLocation(file: "a.yaml", line: 2, column: 1),
            SourceLocation(file: "a.yaml", line: 1, column: 9),
            SourceLocation(file: "a.yaml", line: 1, column: 2),
        ]
        #expect(unsorted.sorted().map(\.description) == ["a.yaml:1:2", "a.yaml:1:9", "a.yaml:2:1", "b.yaml:1:1"])
    }

    @Test func diagnosticDescriptionWithLocation() {
        #expect(Diagnostic.error("message", at: location).description
            == "specs/stigg/customers.yaml:523:17: error: message")
        #expect(Diagnostic.warning(.noResponses, "careful", at: location).description
            == "specs/stigg/customers.yaml:523:17: warning: careful [-Wno-responses]")
        #expect(Diagnostic.note("see here", at: location).description
            == "specs/stigg/customers.yaml:523:17: note: see here")
    }

    @Test func diagnosticDescriptionWithoutLocation() {
        #expect(Diagnostic.error("message", at: nil).description == "error: message")
        #expect(Diagnostic(.warning, "w", at: nil).description == "warning: w")
    }

    @Test func diagnosticsSortByLocationThenSeverityThenMessage() {
        let a1 = SourceLocation(file: "a.yaml", line: 1, column: 1)
        let a2 = SourceLocation(file: "a.yaml", line: 2, column: 1)
        let b1 = SourceLocation(file: "b.yaml", line: 1, column: 1)
        let unsorted: [Diagnostic] = [
            .note("n", at: a1),
            .error("z", at: b1),
            .warning(.mixedTypes, "w", at: a1),
            .error("b", at: a1),
            .error("late", at: a2),
            .error("a", at: a1),
            .warning(.mixedTypes, "unlocated warning", at: nil),
            .error("unlocated", at: nil),
        ]
        #expect(unsorted.sorted().map(\.description) == [
            "error: unlocated",
            "warning: unlocated warning [-Wmixed-types]",
            "a.yaml:1:1: error: a",
            "a.yaml:1:1: error: b",
            "a.yaml:1:1: warning: w [-Wmixed-types]",
            "a.yaml:1:1: note: n",
            "a.yaml:2:1: error: late",
            "b.yaml:1:1: error: z",
        ])
    }

    @Test func diagnosticErrorSortsAndPrintsOnePerLine() {
        let error = DiagnosticError([
            .error("second", at: SourceLocation(file: "x.yaml", line: 9, column: 1)),
            .warning(.mixedTypes, "first", at: SourceLocation(file: "x.yaml", line: 2, column: 3)),
        ])
        #expect(error.description == "x.yaml:2:3: warning: first [-Wmixed-types]\nx.yaml:9:1: error: second")
        #expect(error.errors.map(\.message) == ["second"])
    }

    @Test func bagCollectsAndThrows() {
        var bag = DiagnosticBag()
        #expect(bag.isEmpty && !bag.hasErrors)
        #expect(throws: Never.self) { try bag.throwIfErrors() }
        bag.warning(.mixedTypes, "w", at: SourceLocation(file: "f", line: 2, column: 1))
        #expect(!bag.hasErrors)
        #expect(throws: Never.self) { try bag.throwIfErrors() }
        bag.error("e", at: SourceLocation(file: "f", line: 1, column: 1))
        bag.append(.note("n", at: nil))
        #expect(bag.hasErrors && bag.errorCount == 1 && bag.diagnostics.count == 3)
        #expect(bag.sorted.map(\.description) == ["note: n", "f:1:1: error: e", "f:2:1: warning: w [-Wmixed-types]"])
        #expect(throws: DiagnosticError(bag.diagnostics)) { try bag.throwIfErrors() }
    }
}
