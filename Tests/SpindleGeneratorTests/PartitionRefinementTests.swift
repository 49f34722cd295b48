@testable import SpindleGenerator
import Testing

/// The refinement behind ``TypeDeduplication`` finds the same partition as recomputing every node's
/// signature until nothing splits, which is its definition, and does so in few steps on long chains.
@Suite struct PartitionRefinementTests {
    /// The definition: split by (class, classes of the references) until the number of classes is stable.
    static func naive(initial: [Int], references: [[Int?]]) -> [Int] {
        var classes = initial
        var count = Set(initial).count
        while true {
            var signatures: [[Int]: Int] = [:]
            let refined = classes.indices.map { node -> Int in
                let signature = [classes[node]] + references[node].map { $0.map { classes[$0] } ?? -1 }
                if let id = signatures[signature] { return id }
                signatures[signature] = signatures.count
                return signatures.count - 1
            }
            classes = refined
            if signatures.count == count { return classes }
            count = signatures.count
        }
    }

    /// Whether two class assignments are the same partition.
    static func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
        var forward: [Int: Int] = [:]
        var backward: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            if forward[x, default: y] != y || backward[y, default: x] != x { return false }
            forward[x] = y
            backward[y] = x
        }
        return a.count == b.count
    }

    /// A deterministic pseudo-random source, so a failure names a seed that reproduces it.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<300)
    func randomGraphsGetTheDefinitionsPartition(seed: UInt64) {
        var random = SplitMix(state: seed)
        let nodes = Int.random(in: 1...40, using: &random)
        let shapes = Int.random(in: 1...4, using: &random)
        // Nodes of one initial class have as many references, as types of one shape do.
        let arity = (0..<shapes).map { _ in Int.random(in: 0...3, using: &random) }
        let initial = (0..<nodes).map { _ in Int.random(in: 0..<shapes, using: &random) }
        let references = initial.map { shape in
            (0..<arity[shape]).map { _ -> Int? in Int.random(in: 0...9, using: &random) == 0 ? nil : Int.random(in: 0..<nodes, using: &random) }
        }
        let refined = PartitionRefinement(initial: initial, references: references).classes
        #expect(Self.samePartition(refined, Self.naive(initial: initial, references: references)), "seed \(seed)")
    }

    @Test func aLongChainOfOneShapeSplitsIntoOneClassPerLink() {
        let links = 20_000
        let references = (0..<links).map { $0 + 1 < links ? [$0 + 1] : [nil] }
        let classes = PartitionRefinement(initial: Array(repeating: 0, count: links), references: references).classes
        #expect(Set(classes).count == links)
    }

    @Test func cyclesOfTheSameShapeShareAClass() {
        // Two rings of three and one of two, all of one shape: every node refers to a node of its class.
        let references: [[Int?]] = [[1], [2], [0], [4], [5], [3], [7], [6]]
        let classes = PartitionRefinement(initial: Array(repeating: 0, count: 8), references: references).classes
        #expect(Set(classes).count == 1)
    }
}
