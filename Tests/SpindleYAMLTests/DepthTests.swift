import Foundation
import SpindleYAML
import Testing

@Suite("Nesting depth")
struct DepthTests {
    @Test func deepFlowSequenceIsAnError() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        var result: [String] = []
        let elapsed = measure { result = failures(text) }
        #expect(result == ["t.yaml:1:257: error: nesting depth exceeds the limit of 256"])
        #expect(elapsed < .seconds(2))
    }

    @Test func unterminatedDeepFlowSequenceIsAnError() {
        #expect(failures(String(repeating: "[", count: 10_000))
            == ["t.yaml:1:257: error: nesting depth exceeds the limit of 256"])
    }

    @Test func deepBlockMappingIsAnError() {
        // Line n is (n - 1) spaces, then "k:": 10,000 nested block mappings (about 50 MB).
        let depth = 10_000
        let bytes = [UInt8](unsafeUninitializedCapacity: depth * (depth - 1) / 2 + depth * 3) { buffer, count in
            var position = 0
            for level in 0..<depth {
                memset(buffer.baseAddress! + position, Int32(UInt8(ascii: " ")), level)
                position += level
                for byte in "k:\n".utf8 {
                    buffer[position] = byte
                    position += 1
                }
            }
            count = position
        }
        var result: [String] = []
        let elapsed = measure { result = failures(bytes) }
        #expect(result == ["t.yaml:257:257: error: nesting depth exceeds the limit of 256"])
        #expect(elapsed < .seconds(2))
    }

    @Test func deepCompactBlockMappingIsAnError() {
        // "? ? ? ... x": each explicit key opens a block mapping nested in the previous one.
        let text = String(repeating: "? ", count: 10_000) + "x\n"
        #expect(failures(text) == ["t.yaml:1:513: error: nesting depth exceeds the limit of 256"])
    }

    @Test func deepFlowMappingIsAnError() {
        let text = String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        #expect(failures(text) == ["t.yaml:1:1025: error: nesting depth exceeds the limit of 256"])
    }

    @Test func depthAtTheLimitIsFine() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(try root(text).count == 1)
        #expect(failures("[[[1]]]", limits: YAMLLimits(maxDepth: 2))
            == ["t.yaml:1:3: error: nesting depth exceeds the limit of 2"])
    }

    @Test func depthThroughAliasesIsLimited() {
        let text = """
            a: &a [[[x]]]
            b: [[*a]]
            """
        #expect(failures(text, limits: YAMLLimits(maxDepth: 5))
            == ["t.yaml:2:6: error: nesting depth exceeds the limit of 5 (through alias '*a')"])
    }

    @Test func veryDeepDocumentsWithARaisedLimitNeedNoRecursion() throws {
        let depth = 10_000
        let text = String(repeating: "[", count: depth) + "leaf" + String(repeating: "]", count: depth)
        var node = try root(text, limits: YAMLLimits(maxDepth: depth))
        var levels = 1
        while node.kind == .sequence {
            node = node.element(at: 0)
            levels += 1
        }
        #expect(levels == depth + 1)
        #expect(node.scalar == "leaf")
        #expect(node.location.column == depth + 1)
    }
}
