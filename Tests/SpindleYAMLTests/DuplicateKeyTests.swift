import SpindleYAML
import Testing

@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test func reportedAtTheSecondKey() {
        #expect(failures("""
            name: a
            other: 1
            name: b
            """) == ["t.yaml:3:1: error: duplicate key 'name' (first defined at t.yaml:1:1)"])
    }

    @Test func nestedAndFlowMappings() {
        #expect(failures("""
            outer:
              inner: {x: 1, y: 2, x: 3}
              inner: 2
            """) == [
                "t.yaml:2:23: error: duplicate key 'x' (first defined at t.yaml:2:11)",
                "t.yaml:3:3: error: duplicate key 'inner' (first defined at t.yaml:2:3)",
            ])
    }

    @Test func comparedByTextRegardlessOfQuoting() {
        #expect(failures("responses:\n  200: a\n  '200': b\n") == [
            "t.yaml:3:3: error: duplicate key '200' (first defined at t.yaml:2:3)",
        ])
    }

    @Test func largeMappingsUseHashingWithTheSameMessages() {
        var text = ""
        for key in 0..<100 { text += "key\(key): \(key)\n" }
        text += "key7: again\nkey99: again\nkey7: third\n"
        #expect(failures(text) == [
            "t.yaml:101:1: error: duplicate key 'key7' (first defined at t.yaml:8:1)",
            "t.yaml:102:1: error: duplicate key 'key99' (first defined at t.yaml:100:1)",
            "t.yaml:103:1: error: duplicate key 'key7' (first defined at t.yaml:8:1)",
        ])
    }

    @Test func distinctKeysOfEqualLengthAreFine() throws {
        var text = ""
        for key in 0..<500 { text += "k\(String(key + 1000)): v\n" }
        #expect(try root(text).count == 500)
        #expect(try root("{ab: 1, ba: 2, aa: 3}").count == 3)
    }
}
