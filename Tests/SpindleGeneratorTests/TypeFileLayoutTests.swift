@testable import SpindleGenerator
import Testing

/// Which file each type of a large module goes into.
@Suite struct TypeFileLayoutTests {
    @Test func namesSplitIntoWordsAtCapitals() {
        #expect(TypeFileLayout.nameWords("PaymentIntentsCreateRequest") == ["Payment", "Intents", "Create", "Request"])
        #expect(TypeFileLayout.nameWords("URLPath") == ["URLPath"])
        #expect(TypeFileLayout.nameWords("_3DsCardsNotSupported") == ["_3Ds", "Cards", "Not", "Supported"])
        #expect(TypeFileLayout.nameWords("Épicerie") == ["Épicerie"])
        #expect(TypeFileLayout.nameWords("_") == ["_"])
    }

    @Test func upToTheLimitEveryTypeHasItsOwnFile() {
        let names = (0..<TypeFileLayout.perTypeLimit).map { "Type\($0)" }
        let files = TypeFileLayout.files(names: names, sizes: names.map { _ in 10 })
        #expect(files.count == names.count)
        #expect(files.allSatisfy { $0.members.count == 1 && names[$0.members[0]] == $0.name })
    }

    /// Types named `<first><second><n>`, each of `size` bytes.
    func layout(_ groups: [(first: String, second: String, count: Int, size: Int)]) -> [String: [String]] {
        var names: [String] = []
        var sizes: [Int] = []
        for group in groups {
            for index in 0..<group.count {
                names.append("\(group.first)\(group.second)Item\(index)")
                sizes.append(group.size)
            }
        }
        let filler = max(0, TypeFileLayout.perTypeLimit + 1 - names.count)
        names += (0..<filler).map { "Filler\($0)" }
        sizes += Array(repeating: 1, count: filler)
        var result: [String: [String]] = [:]
        for file in TypeFileLayout.files(names: names, sizes: sizes) { result[file.name] = file.members.map { names[$0] } }
        return result
    }

    @Test func aLargeGroupGivesItsLargeSubgroupsFilesAndKeepsTheSmallOnes() {
        let limit = TypeFileLayout.groupBytes
        let files = layout([
            ("Payment", "Intent", 8, limit / 5),  // 8/5 of the limit: its own file, too large, but its subgroups are small
            ("Payment", "Method", 2, limit / 4),  // half the limit: its own file
            ("Payment", "Link", 1, limit / 16),  // too small for a file: stays with Payment
            ("Customer", "Tax", 3, 100),
        ])
        #expect(files["Payment"] == ["PaymentLinkItem0"])
        #expect(files["PaymentMethod"] == ["PaymentMethodItem0", "PaymentMethodItem1"])
        #expect(files["Customer"] == ["CustomerTaxItem0", "CustomerTaxItem1", "CustomerTaxItem2"])
        // Each `PaymentIntentItem<n>` is a fifth of the limit, below a subgroup's share, so they stay together.
        #expect(files["PaymentIntent"] == (0..<8).map { "PaymentIntentItem\($0)" })
    }

    @Test func theLayoutIsDeterministicAndEveryTypeLandsOnce() {
        let names = (0..<500).map { ["Alpha", "Beta", "ALPHA", "Gamma"][$0 % 4] + "Part\($0 % 9)Item\($0)" }
        let sizes = names.indices.map { ($0 * 7919) % 5000 }
        let first = TypeFileLayout.files(names: names, sizes: sizes)
        #expect(TypeFileLayout.files(names: names, sizes: sizes) == first)
        #expect(first.flatMap(\.members).sorted() == Array(names.indices))
        let lowercased = first.map { $0.name.lowercased() }
        #expect(Set(lowercased).count == lowercased.count, "file names must differ in more than case")
    }

    @Test func aSubgroupKeyThatMatchesAnotherGroupInAllButCaseGetsANumberedFile() {
        let limit = TypeFileLayout.groupBytes
        var names = ["PaymentIntentsA", "PaymentIntentsB", "PaymentOther", "Paymentintents"]
        var sizes = [limit / 2, limit / 2, limit / 2, 10]
        names += (0..<TypeFileLayout.perTypeLimit).map { "Filler\($0)" }
        sizes += Array(repeating: 1, count: TypeFileLayout.perTypeLimit)
        let files = TypeFileLayout.files(names: names, sizes: sizes)
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.members.map { names[$0] }) })
        #expect(byName["PaymentIntents"] == ["PaymentIntentsA", "PaymentIntentsB"])
        #expect(byName["PaymentOther"] == ["PaymentOther"])
        #expect(byName["Paymentintents_2"] == ["Paymentintents"])
    }
}
