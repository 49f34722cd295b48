import SpindleYAML
import Testing

@Suite("Locations")
struct LocationTests {
    @Test func blockNodesAreLocated() throws {
        let document = try parse("""
            # comment
            openapi: 3.1.0
            info:
              title: "Pets"
              tags:
                - name: a
                -   |
                  literal
            """)
        let node = try #require(document.root)
        #expect(document.file == "t.yaml")
        #expect(node.location.description == "t.yaml:2:1")
        #expect(node.keyNode(for: "openapi")?.location.description == "t.yaml:2:1")
        #expect(node["openapi"]?.location.description == "t.yaml:2:10")
        let info = try #require(node["info"])
        #expect(info.location.description == "t.yaml:4:3")
        #expect(info["title"]?.location.description == "t.yaml:4:10")
        let tags = try #require(info["tags"])
        #expect(tags.location.description == "t.yaml:6:5")
        #expect(tags.element(at: 0).location.description == "t.yaml:6:7")
        #expect(tags.element(at: 0)["name"]?.location.description == "t.yaml:6:13")
        #expect(tags.element(at: 1).location.description == "t.yaml:7:9")
    }

    @Test func flowNodesAreLocated() throws {
        let node = try root("key: {a: [1, 'two'], b: {}}")
        let value = try #require(node["key"])
        #expect(value.location == SourceLocation(file: "t.yaml", line: 1, column: 6))
        #expect(value["a"]?.location.column == 10)
        #expect(value["a"]?.element(at: 1).location.column == 14)
        #expect(value.keyNode(for: "b")?.location.column == 22)
        #expect(value["b"]?.location.column == 25)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let node = try root("é€😀: [ü, x]\n")
        let value = try #require(node["é€😀"])
        #expect(value.location.column == 6)
        #expect(value.element(at: 1).location.column == 10)
    }

    @Test func crlfLineEndings() throws {
        let node = try root("a: 1\r\nb:\r\n  c: 2\r\n")
        #expect(node["b"]?["c"]?.location.description == "t.yaml:3:6")
    }

    @Test func displayPathIsUsed() throws {
        let document = try YAMLDocument.parse("x: 1", file: "specs/stigg/customers.yaml")
        #expect(document.root?["x"]?.location.description == "specs/stigg/customers.yaml:1:4")
    }
}
