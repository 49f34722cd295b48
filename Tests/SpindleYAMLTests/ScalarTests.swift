import SpindleYAML
import Testing

@Suite("Scalars")
struct ScalarTests {
    /// Regression: every read of a scalar made a new `String`, so a 1 MiB description that a thousand
    /// operations refer to was a gigabyte in memory before the generator could refuse it. A long
    /// scalar's string is made once and shared; short ones are made on each read.
    @Test func aLongScalarIsOneStringHoweverOftenItIsRead() throws {
        let long = String(repeating: "x", count: 4096)
        let node = try root("a: &a '\(long)'\nb: *a\nc: short\n")
        func storage(_ text: String?) -> UnsafeRawPointer? {
            var text = text ?? ""
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let first = node["a"]?.scalar
        #expect(first == long)
        #expect(storage(first) == storage(node["a"]?.scalar))
        #expect(storage(first) == storage(node["b"]?.scalar))
        #expect(node["c"]?.scalar == "short")
    }

    @Test func textIsKeptExactly() throws {
        let node = try root("""
            plainNo: no
            quotedCode: '200'
            plainCode: 200
            float: 1.0
            yes: yes
            padded: "  x  "
            """)
        #expect(node["plainNo"]?.scalar == "no")
        #expect(node["plainNo"]?.bool == nil)
        #expect(node["quotedCode"]?.scalar == "200")
        #expect(node["plainCode"]?.scalar == "200")
        #expect(node["float"]?.scalar == "1.0")
        #expect(node["yes"]?.scalar == "yes")
        #expect(node["padded"]?.scalar == "  x  ")
    }

    @Test func prefixTestsCompareBytesOfScalarsOnly() throws {
        let node = try root("""
            x-spindle: 1
            'x-': quoted
            x: short
            list: [x-a]
            é-x: unicode
            """)
        let keys = node.entries.map(\.key)
        #expect(keys.map { $0.scalarHasPrefix("x-") } == [true, true, false, false, false])
        #expect(keys[4].scalarHasPrefix("é"))
        #expect(keys[0].scalarHasPrefix(""))
        #expect(node["list"]?.scalarHasPrefix("") == false)
        #expect(node["list"]?.element(at: 0).scalarHasPrefix("x-") == true)
    }

    @Test func stylesAndQuoting() throws {
        let node = try root("""
            plain: a b
            single: 'it''s'
            double: "tab\\there\\u00e9"
            literal: |
              line 1
              line 2
            folded: >
              folded
              text
            """)
        #expect(node["plain"]?.scalar == "a b")
        #expect(node["plain"]?.isQuoted == false)
        #expect(node["plain"]?.scalarStyle == .plain)
        #expect(node["single"]?.scalar == "it's")
        #expect(node["single"]?.scalarStyle == .singleQuoted)
        #expect(node["double"]?.scalar == "tab\there\u{e9}")
        #expect(node["double"]?.scalarStyle == .doubleQuoted)
        #expect(node["literal"]?.scalar == "line 1\nline 2\n")
        #expect(node["literal"]?.scalarStyle == .literal)
        #expect(node["folded"]?.scalar == "folded text")
        #expect(node["folded"]?.scalarStyle == .folded)
        for key in ["single", "double", "literal", "folded"] {
            #expect(node[key]?.isQuoted == true, "\(key)")
        }
        #expect(node.isQuoted == false)
        #expect(node.scalar == nil)
        #expect(node.scalarStyle == nil)
    }

    @Test func quotedValuesAreNotTyped() throws {
        let node = try root(#"[ "true", '1', "1.5", 'null', "~", "" ]"#)
        let items = node.elements
        #expect(items[0].bool == nil)
        #expect(items[1].int == nil && items[1].double == nil)
        #expect(items[2].double == nil)
        #expect(!items[3].isNull && !items[4].isNull && !items[5].isNull)
        #expect(items.allSatisfy { $0.hasScalar($0.scalar!) })
        #expect(items[0].hasScalar("true") && !items[0].hasScalar("tru"))
    }

    @Test func nulls() throws {
        let node = try root("""
            a: null
            b: Null
            c: NULL
            d: ~
            e:
            f: !!null ''
            g: nULL
            h: "null"
            i: []
            """)
        for key in ["a", "b", "c", "d", "e", "f"] {
            #expect(node[key]?.isNull == true, "\(key)")
        }
        for key in ["g", "h", "i"] {
            #expect(node[key]?.isNull == false, "\(key)")
        }
        #expect(node["e"]?.scalar == "")
    }

    @Test func booleans() throws {
        let node = try root("[true, false, True, FALSE, tRuE, 'true', yes, on, !!bool 'true', !!str true]")
        #expect(node.elements.map(\.bool) == [true, false, true, false, true, nil, nil, nil, true, nil])
    }

    @Test func integers() throws {
        let node = try root("""
            [42, -17, +5, 0, -0, 0x1F, 0xff, 0o17, 9223372036854775807, -9223372036854775808,
             9223372036854775808, 1.0, 1e3, 0x, 0o8, 1_000, '7', !!int '8', !!str 9, 012]
            """)
        #expect(node.elements.map(\.int) == [
            42, -17, 5, 0, 0, 31, 255, 15, Int.max, Int.min,
            nil, nil, nil, nil, nil, nil, nil, 8, nil, 12,
        ])
    }

    @Test func doubles() throws {
        let node = try root("""
            [1.0, -2.5, .5, 1., 1e3, 2.5E-2, +1e+2, 42, 0x10, .inf, -.Inf, +.INF, 9223372036854775808,
             .nan, .NaN, abc, '1.5', 1.2.3, e3, ., -.nan, !!float '2.5']
            """)
        let values = node.elements.map(\.double)
        #expect(Array(values[0..<13]) == [1.0, -2.5, 0.5, 1.0, 1000, 0.025, 100, 42, 16,
                                          .infinity, -.infinity, .infinity, 9_223_372_036_854_775_808])
        #expect(values[13]?.isNaN == true)
        #expect(values[14]?.isNaN == true)
        #expect(Array(values[15..<21]) == [nil, nil, nil, nil, nil, nil])
        #expect(values[21] == 2.5)
    }

    @Test func tags() throws {
        let node = try root("""
            a: !!str 123
            b: !custom {x: 1}
            c: plain
            d: !<tag:example.com,2024:thing> v
            """)
        #expect(node["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(node["a"]?.scalar == "123")
        #expect(node["a"]?.int == nil)
        #expect(node["b"]?.tag == "!custom")
        #expect(node["b"]?.kind == .mapping)
        #expect(node["c"]?.tag == nil)
        #expect(node["d"]?.tag == "tag:example.com,2024:thing")
    }

    @Test func collections() throws {
        let node = try root("""
            list: [a, b, c]
            map: {x: 1, y: 2}
            scalar: s
            """)
        let list = try #require(node["list"])
        #expect(list.kind == .sequence)
        #expect(list.count == 3)
        #expect(list.elements.map(\.scalar) == ["a", "b", "c"])
        #expect(list.element(at: 2).scalar == "c")
        #expect(list.entries.isEmpty)
        #expect(list["a"] == nil)
        let map = try #require(node["map"])
        #expect(map.kind == .mapping)
        #expect(map.count == 2)
        #expect(map.entries.map { "\($0.key.scalar!)=\($0.value.scalar!)" } == ["x=1", "y=2"])
        #expect(map.entry(at: 1).key.scalar == "y")
        #expect(map.elements.isEmpty)
        #expect(map["z"] == nil)
        #expect(map["x"]?.int == 1)
        #expect(map.keyNode(for: "y")?.scalar == "y")
        let scalar = try #require(node["scalar"])
        #expect(scalar.count == 0 && scalar.elements.isEmpty && scalar.entries.isEmpty)
        #expect(scalar["x"] == nil && scalar.keyNode(for: "x") == nil)
        #expect(node.entries.map(\.key.scalar) == ["list", "map", "scalar"])
    }

    @Test func nodeDescriptions() throws {
        let node = try root("a: [1]\nb: 'q'\n")
        #expect(node.description == "mapping (2 pairs) at t.yaml:1:1")
        #expect(node["a"]?.description == "sequence (1 elements) at t.yaml:1:4")
        #expect(node["b"]?.description == "scalar \"q\" at t.yaml:2:4")
        #expect(node.keyNode(for: "b")?.description == "scalar b at t.yaml:2:1")
    }

    @Test func nonScalarAndUnicodeKeys() throws {
        let node = try root("""
            ? [complex, key]
            : complex value
            clé: accent
            "": empty key
            """)
        #expect(node.count == 3)
        #expect(node.entries[0].key.kind == .sequence)
        #expect(node["clé"]?.scalar == "accent")
        #expect(node[""]?.scalar == "empty key")
    }

    @Test func scalarSizeLimit() throws {
        #expect(failures("a: abcdef\n", limits: YAMLLimits(maxScalarBytes: 3)) == [
            "t.yaml:1:4: error: scalar of 6 bytes exceeds the limit of 3 bytes",
        ])
        #expect(try root("a: abc\n", limits: YAMLLimits(maxScalarBytes: 3))["a"]?.scalar == "abc")
        #expect(YAMLLimits.default == YAMLLimits(maxDepth: 256, maxAliasExpansion: 1_000_000, maxScalarBytes: 64 << 20))
    }

    @Test func documentIsSendable() async throws {
        let document = try parse("a: [1, 2, 3]")
        let count = await Task.detached { document.root?["a"]?.count }.value
        #expect(count == 3)
    }
}
