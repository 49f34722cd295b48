import SpindleGenerator
import Testing

/// `spindle generate --changelog` puts each bump's section on top of what the file already has.
@Suite struct ChangelogTests {
    static let section = "## Shop 1.0 -> 1.1 (2025-06-01)\n\nNo changes to the Swift API.\n"
    static let older = "## Shop 0.9 -> 1.0\n\n### Additive\n\n- type added: `Order` (struct)\n"

    @Test func aNewFileStartsWithTheSection() {
        #expect(Changelog.prepending([Self.section], to: "") == Self.section)
    }

    @Test func sectionsGoBelowTheTitleAndAboveOlderOnes() {
        let text = "# Changelog\n\n" + Self.older
        #expect(Changelog.prepending([Self.section], to: text) == "# Changelog\n\n" + Self.section + "\n" + Self.older)
        #expect(Changelog.prepending([Self.section], to: Self.older) == Self.section + "\n" + Self.older)
    }

    @Test func severalModulesGetOneSectionEach() {
        let other = Self.section.replacingOccurrences(of: "Shop", with: "Bank")
        #expect(Changelog.prepending([Self.section, other], to: "# Changelog\n") == "# Changelog\n\n" + Self.section + "\n" + other)
    }

    @Test func specTextIsEscapedAndVersionsThatAreDatesDateTheSection() {
        #expect(SpecBump.date(inVersion: "2024-06-20") == "2024-06-20")
        #expect(SpecBump.date(inVersion: "2024-06-20.acacia") == "2024-06-20")
        #expect(SpecBump.date(inVersion: "7.64.2") == nil && SpecBump.date(inVersion: "2024-13-01") == nil)
        let bump = SpecBump(
            module: "Shop", oldVersion: "1.0", newVersion: "1.1",
            changes: [APIChange(impact: .deprecated, kind: "operation deprecated", subject: "orders.list", detail: "Use <search> *now*")])
        #expect(bump.changelogSection(date: nil).contains("- operation deprecated: `orders.list` (Use \\<search\\> \\*now\\*)"))
    }
}
