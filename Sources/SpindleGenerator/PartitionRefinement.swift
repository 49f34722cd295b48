/// The coarsest partition of a graph's nodes in which two nodes share a class only when they started in the
/// same class and, reference by reference, refer into the same classes: what makes two generated types the
/// same declaration (``TypeDeduplication``), recursive shapes included.
///
/// Hopcroft's method with labelled edges (a node's `n`-th reference is an edge labelled `n`): a class that
/// splits is used to split the others by its smaller part only, so each node is handled O(log n) times,
/// O(m log n) in all. Recomputing every node's signature until nothing splits, as this replaced, took one
/// round per split: a chain of 10,000 types of one shape took 10,000 rounds of 10,000 signatures.
struct PartitionRefinement {
    /// The class of each node, numbered from 0.
    private(set) var classes: [Int]

    /// Refines `initial` (a class per node) by `references` (the nodes each node refers to, in order; nodes of
    /// one initial class have as many references; `nil` is a reference outside the graph, which only equals
    /// another such reference).
    init(initial: [Int], references: [[Int?]]) {
        let count = initial.count
        // References outside the graph point at one extra node of a class of its own.
        let outside = count
        let labelCount = references.map(\.count).max() ?? 0
        var classOf = initial + [(initial.max() ?? -1) + 1]
        let classCount = (classOf.max() ?? -1) + 1
        var members = Array(repeating: [Int](), count: classCount)
        var position = Array(repeating: 0, count: count + 1)
        for node in 0...count {
            position[node] = members[classOf[node]].count
            members[classOf[node]].append(node)
        }
        // referrers[label][node]: the nodes whose reference `label` is `node`.
        var referrers = Array(repeating: [Int: [Int]](), count: labelCount)
        for (node, nodeReferences) in references.enumerated() {
            for (label, target) in nodeReferences.enumerated() { referrers[label][target ?? outside, default: []].append(node) }
        }

        var pending = Set<Int>()  // class * labelCount + label
        var worklist: [(splitter: Int, label: Int)] = []
        func schedule(_ splitter: Int, _ label: Int) {
            if pending.insert(splitter * labelCount + label).inserted { worklist.append((splitter, label)) }
        }
        for splitter in 0..<classCount { for label in 0..<labelCount { schedule(splitter, label) } }

        while let (splitter, label) = worklist.popLast() {
            pending.remove(splitter * labelCount + label)
            // The nodes whose reference `label` points into the splitter, by the class they are in.
            var touched: [Int: [Int]] = [:]
            for target in members[splitter] {
                for node in referrers[label][target] ?? [] { touched[classOf[node], default: []].append(node) }
            }
            for (split, nodes) in touched where nodes.count < members[split].count {
                // The touched nodes leave their class for a new one.
                let created = members.count
                members.append([])
                for node in nodes {
                    let last = members[split].removeLast()
                    if last != node {
                        members[split][position[node]] = last
                        position[last] = position[node]
                    }
                    position[node] = members[created].count
                    members[created].append(node)
                    classOf[node] = created
                }
                let smaller = members[created].count <= members[split].count ? created : split
                for other in 0..<labelCount {
                    if pending.contains(split * labelCount + other) {
                        schedule(created, other)
                    } else {
                        schedule(smaller, other)
                    }
                }
            }
        }
        // Numbered in order of first appearance, so equal inputs give equal numbers.
        var renumbered: [Int: Int] = [:]
        classes = classOf.prefix(count).map { old in
            if let new = renumbered[old] { return new }
            renumbered[old] = renumbered.count
            return renumbered.count - 1
        }
    }
}
