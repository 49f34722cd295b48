import SpindleYAML
import Testing

@Suite("Warning kinds and the summary line")
struct WarningTallyTests {
    let here = SourceLocation(file: "api.yaml", line: 3, column: 5)

    @Test func kindsAreKnownByTheirIdentifierOnly() {
        #expect(DiagnosticKind(rawValue: "property-names") == .propertyNames)
        #expect(DiagnosticKind(rawValue: "allof-non-object") == .allOfNonObject)
        #expect(DiagnosticKind(rawValue: "property-name") == nil)
        #expect(DiagnosticKind.all == DiagnosticKind.all.sorted())
        #expect(Set(DiagnosticKind.all.map(\.rawValue)).count == DiagnosticKind.all.count)
        #expect(DiagnosticKind.all.allSatisfy { DiagnosticKind(rawValue: $0.rawValue) == $0 && !$0.summary.isEmpty })
    }

    @Test func theKindIsPartOfTheDiagnostic() {
        let plain = Diagnostic(.warning, "w", at: here)
        let kinded = Diagnostic.warning(.mixedTypes, "w", at: here)
        #expect(plain != kinded)
        #expect(plain.description == "api.yaml:3:5: warning: w")
        #expect(kinded.description == "api.yaml:3:5: warning: w [-Wmixed-types]")
        #expect(kinded.kind == .mixedTypes)
    }

    @Test func countsByKindMostFrequentFirst() {
        var tally = WarningTally()
        let diagnostics: [Diagnostic] = [
            .warning(.allOfNonObject, "a", at: here),
            .warning(.propertyNames, "p", at: here),
            .error("e", at: here),
            .warning(.propertyNames, "q", at: here),
            .note("n", at: nil),
        ]
        #expect(tally.shown(diagnostics) == diagnostics)
        #expect(tally.summary == "warning summary: 2 property-names, 1 allof-non-object; 3 warnings")
    }

    @Test func equalCountsOrderByName() {
        var tally = WarningTally()
        _ = tally.shown([.warning(.unusedConfig, "u", at: nil), .warning(.enumType, "e", at: nil)])
        #expect(tally.summary == "warning summary: 1 enum-type, 1 unused-config; 2 warnings")
    }

    @Test func silencedWarningsAreDroppedButCounted() {
        var tally = WarningTally(quiet: [.propertyNames])
        let error = Diagnostic.error("e", at: here)
        let shown = tally.shown([
            .warning(.propertyNames, "p", at: here), error, .warning(.allOfNonObject, "a", at: here),
            .warning(.propertyNames, "q", at: here),
        ])
        #expect(shown == [error, .warning(.allOfNonObject, "a", at: here)])
        #expect(tally.summary == "warning summary: 2 property-names (silenced), 1 allof-non-object; 3 warnings, 2 silenced")
        #expect(tally.total == 3 && tally.silencedTotal == 2)
    }

    @Test func aVendorsOwnQuietKindsApplyToItsDiagnosticsOnly() {
        var tally = WarningTally()
        let first = tally.shown([.warning(.enumType, "one", at: here)], quieting: [.enumType])
        let second = tally.shown([.warning(.enumType, "two", at: here)])
        #expect(first.isEmpty)
        #expect(second.map(\.message) == ["two"])
        #expect(tally.summary == "warning summary: 2 enum-type (1 silenced); 2 warnings, 1 silenced")
    }

    @Test func noWarningsNoSummary() {
        var tally = WarningTally(quiet: [.enumType])
        _ = tally.shown([.error("e", at: nil)])
        #expect(tally.summary == nil)
    }

    @Test func aWarningWithoutKindCountsAsOther() {
        var tally = WarningTally()
        _ = tally.shown([Diagnostic(.warning, "legacy", at: nil)])
        #expect(tally.summary == "warning summary: 1 other; 1 warning")
    }
}
