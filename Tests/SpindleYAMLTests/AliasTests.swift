import SpindleYAML
import Testing

@Suite("Anchors, aliases and merge keys")
struct AliasTests {
    @Test func aliasSharesTheAnchoredNode() throws {
        let document = try parse("""
            base: &shared
              type: string
              enum: [a, b]
            copy: *shared
            list: [*shared, &s scalar, *s]
            """)
        let node = try #require(document.root)
        let base = try #require(node["base"])
        let copy = try #require(node["copy"])
        #expect(copy == base)
        #expect(copy.location.description == "t.yaml:1:7")  // a node starts at its anchor
        #expect(copy["type"]?.scalar == "string")
        let list = try #require(node["list"])
        #expect(list.element(at: 0) == base)
        #expect(list.element(at: 2) == list.element(at: 1))
        #expect(list.element(at: 2).scalar == "scalar")
        // Shared, not copied: aliases add no nodes (root, 3 keys + 5 nodes of base, copy key, list key + 2).
        #expect(document.nodeCount == 13)
        #expect(Set([base, copy, list.element(at: 0)]).count == 1)
    }

    @Test func anchorsCanBeRedefined() throws {
        let node = try root("[&a first, *a, &a second, *a]")
        #expect(node.elements.map(\.scalar) == ["first", "first", "second", "second"])
    }

    @Test func undefinedAlias() {
        #expect(failures("""
            a: 1
            b: *missing
            c: [*other]
            """) == [
                "t.yaml:2:4: error: undefined alias '*missing'",
                "t.yaml:3:5: error: undefined alias '*other'",
            ])
    }

    @Test func recursiveAlias() {
        #expect(failures("a: &x [1, *x]\n") == [
            "t.yaml:1:11: error: alias '*x' refers to a node that contains it (recursive alias)",
        ])
    }

    @Test func billionLaughsFailsFast() {
        var text = "lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "lol\(level): &l\(level) [\(refs)]\n"
        }
        var result: [String] = []
        let elapsed = measure { result = failures(text) }
        // Level 5's eighth alias pushes the running total past one million nodes:
        // 123,440 nodes for levels 1-4, then 111,111 per alias of level 4.
        #expect(result == [
            "t.yaml:6:47: error: alias expansion exceeds the budget of 1000000 nodes (possible 'billion laughs' document)",
        ])
        #expect(elapsed < .seconds(1))
    }

    @Test func aliasBudgetIsConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        #expect(failures(text, limits: YAMLLimits(maxAliasExpansion: 7)) == [
            "t.yaml:2:9: error: alias expansion exceeds the budget of 7 nodes (possible 'billion laughs' document)",
        ])
        #expect(try root(text, limits: YAMLLimits(maxAliasExpansion: 8))["b"]?.count == 2)
    }

    /// Regression: the budget counted nodes only, so one long scalar aliased many times passed it (a
    /// 1 MiB description aliased 1,000 times was a gigabyte of text for the generator). Aliases also
    /// spend bytes of text, keys included, and nested aliases count at every use.
    @Test func aliasByteBudget() throws {
        let text = "a: &a 0123456789\nb: [*a, *a, *a]\nc: &c {k: *a}\nd: [*c, *c]\n"
        // Aliases expand to 10 + 10 + 10 (b), 10 (c's value), then c twice: 11 each ("k" and the value).
        #expect(failures(text, limits: YAMLLimits(maxAliasExpansionBytes: 29)) == [
            "t.yaml:2:13: error: alias expansion exceeds the budget of 29 bytes of text (possible 'billion laughs' document)",
        ])
        #expect(failures(text, limits: YAMLLimits(maxAliasExpansionBytes: 61)) == [
            "t.yaml:4:9: error: alias expansion exceeds the budget of 61 bytes of text (possible 'billion laughs' document)",
        ])
        #expect(try root(text, limits: YAMLLimits(maxAliasExpansionBytes: 62))["d"]?.count == 2)
    }

    /// The issue's document: one 1 MiB scalar aliased 1,000 times stops at the default budget (64 MiB)
    /// on the 65th alias, after reading the 1 MiB once.
    @Test func aLongScalarAliasedAThousandTimesStopsAtTheDefaultBudget() {
        var text = "big: &big '" + String(repeating: "x", count: 1 << 20) + "'\nuses:\n"
        for _ in 0..<1_000 { text += "  - *big\n" }
        var result: [String] = []
        let elapsed = measure { result = failures(text) }
        #expect(result == [
            "t.yaml:67:5: error: alias expansion exceeds the budget of 67108864 bytes of text (possible 'billion laughs' document)",
        ])
        #expect(elapsed < .seconds(5))
    }

    @Test func mergeKeyFromAlias() throws {
        let node = try root("""
            base: &base
              name: base
              size: 1
            derived:
              <<: *base
              size: 2
              extra: true
            """)
        let derived = try #require(node["derived"])
        #expect(derived.entries.map(\.key.scalar) == ["name", "size", "extra"])
        #expect(derived["name"]?.scalar == "base")
        #expect(derived["name"]?.location.description == "t.yaml:2:9")
        #expect(derived["size"]?.int == 2)
        #expect(derived.keyNode(for: "size")?.location.description == "t.yaml:6:3")
        #expect(derived["<<"] == nil)
    }

    @Test func mergeKeySequenceEarlierWins() throws {
        let node = try root("""
            a: &a {x: a, y: a}
            b: &b {x: b, z: b}
            c:
              w: c
              <<: [*a, *b]
              y: c
            """)
        let c = try #require(node["c"])
        #expect(c.entries.map { "\($0.key.scalar!)=\($0.value.scalar!)" } == ["w=c", "x=a", "z=b", "y=c"])
    }

    @Test func mergeKeyWithInlineMapping() throws {
        let node = try root("m: {<<: {a: 1, b: 2}, b: 3}")
        #expect(node["m"]?.entries.map { "\($0.key.scalar!)=\($0.value.scalar!)" } == ["a=1", "b=3"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let node = try root(#"{"<<": {a: 1}}"#)
        #expect(node.count == 1)
        #expect(node["<<"]?["a"]?.int == 1)
    }

    @Test func mergedKeysDoNotCountAsDuplicates() throws {
        let node = try root("""
            a: &a {k: 1}
            b: &b {k: 2}
            c: {<<: *a, <<: *b}
            """)
        #expect(node["c"]?["k"]?.int == 1)
        #expect(node["c"]?.count == 1)
    }

    @Test func invalidMergeValues() {
        #expect(failures("""
            a: &s scalar
            b:
              <<: *s
            c:
              <<: [{x: 1}, plain, 2]
            """) == [
                "t.yaml:1:4: error: the value of a merge key ('<<') must be a mapping or a sequence of mappings",
                "t.yaml:5:7: error: a merge key ('<<') sequence may only contain mappings",
            ])
    }

    @Test func mergeKeysCountTowardTheBudget() {
        let text = "base: &b {a: 1, b: 2, c: 3}\nx: {<<: *b}\n"
        #expect(failures(text, limits: YAMLLimits(maxAliasExpansion: 6)) == [
            "t.yaml:2:9: error: alias expansion exceeds the budget of 6 nodes (possible 'billion laughs' document)",
        ])
    }

    @Test func largeMappingMerge() throws {
        var text = "base: &base\n"
        for key in 0..<40 { text += "  k\(key): base\n" }
        text += "derived:\n  <<: *base\n"
        for key in stride(from: 0, to: 40, by: 2) { text += "  k\(key): own\n" }
        let derived = try #require(try root(text)["derived"])
        #expect(derived.count == 40)
        #expect(derived["k0"]?.scalar == "own")
        #expect(derived["k1"]?.scalar == "base")
        #expect(derived["k38"]?.scalar == "own")
        #expect(derived["k39"]?.scalar == "base")
    }
}
