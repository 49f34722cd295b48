import SpindleYAML
import Testing

@Suite("JSON input")
struct JSONTests {
    @Test func prettyPrintedJSON() throws {
        let document = try parse("""
            {
              "openapi": "3.0.0",
              "info": {"title": "Caf\\u00e9 \\"API\\"", "version": "1.0"},
              "paths": {
                "/pets/{id}": {
                  "get": {"responses": {"200": {"description": "ok"}}}
                }
              },
              "numbers": [1, -2.5, 1e3, true, false, null],
              "empty": {}, "none": []
            }
            """)
        let node = try #require(document.root)
        #expect(node.kind == .mapping)
        #expect(node.count == 6)
        #expect(node["openapi"]?.scalar == "3.0.0")
        #expect(node["openapi"]?.isQuoted == true)
        #expect(node["info"]?["title"]?.scalar == "Café \"API\"")
        let response = node["paths"]?["/pets/{id}"]?["get"]?["responses"]?["200"]
        #expect(response?["description"]?.scalar == "ok")
        #expect(response?.location.description == "t.yaml:6:36")
        let numbers = try #require(node["numbers"])
        #expect(numbers.elements[0].int == 1)
        #expect(numbers.elements[1].double == -2.5)
        #expect(numbers.elements[2].double == 1000)
        #expect(numbers.elements[3].bool == true)
        #expect(numbers.elements[4].bool == false)
        #expect(numbers.elements[5].isNull)
        #expect(node["empty"]?.kind == .mapping && node["empty"]?.count == 0)
        #expect(node["none"]?.kind == .sequence && node["none"]?.count == 0)
        #expect(node.keyNode(for: "numbers")?.location.description == "t.yaml:9:3")
    }

    @Test func minifiedJSON() throws {
        let node = try root(#"{"a":1,"b":[true,null,{"c":"d"}],"e":"x:y"}"#)
        #expect(node["a"]?.int == 1)
        #expect(node["b"]?.count == 3)
        #expect(node["b"]?.element(at: 2)["c"]?.scalar == "d")
        #expect(node["b"]?.element(at: 2).location.column == 23)
        #expect(node["e"]?.scalar == "x:y")
    }

    @Test func jsonDuplicateKey() {
        #expect(failures(#"{"a": 1, "b": 2, "a": 3}"#) == [
            "t.yaml:1:18: error: duplicate key 'a' (first defined at t.yaml:1:2)",
        ])
    }

    @Test func jsonTopLevelArray() throws {
        let node = try root("[1, \"two\", [3]]")
        #expect(node.kind == .sequence)
        #expect(node.elements.map(\.kind) == [.scalar, .scalar, .sequence])
    }
}
