extension IRBuilder {
    /// Turns the aliases that would refer to themselves (`typealias A = [A]`, or `B = [C]` with
    /// `C = [B]`) into wrapper structs: an alias names its target's type, so a cycle made only of
    /// aliases has no type at its end, and Swift rejects it. Every alias of such a cycle becomes a
    /// wrapper (the JSON stays the same: a wrapper is coded as its value); aliases that lead into a
    /// cycle without being on it stay aliases.
    func wrapRecursiveAliases() {
        let aliases = types.keys.sorted().filter { if case .alias = types[$0]!.kind { true } else { false } }
        var edges: [String: [String]] = [:]
        for key in aliases {
            guard case .alias(let target) = types[key]!.kind, let path = target.namedPath else { continue }
            let next = path.joined(separator: ".")
            if case .alias? = types[next]?.kind { edges[key] = [next] }
        }
        let component = stronglyConnectedComponents(aliases, edges)
        for key in aliases where component[key] != nil {
            guard case .alias(let target) = types[key]!.kind else { continue }
            types[key]?.kind = .wrapper(target)
        }
    }

    /// Marks the properties and variants that close a cycle of direct containment (a struct that
    /// holds itself, directly or through other structs), so emitters store them indirectly.
    /// Arrays and maps already store their elements out of line and break cycles by themselves.
    ///
    /// An edge lies on a cycle exactly when both ends are in the same strongly connected component
    /// of the containment graph, which Tarjan's algorithm finds in linear time.
    func markIndirection() {
        let keys = types.keys.sorted()
        var edges: [String: [String]] = [:]
        for key in keys { edges[key] = directTargets(of: types[key]!).filter { types[$0] != nil } }
        let component = stronglyConnectedComponents(keys, edges)
        func closesCycle(_ from: String, _ target: IRTypeRef) -> Bool {
            guard case .named(let path) = target else { return false }
            let to = path.joined(separator: ".")
            return component[from] != nil && component[from] == component[to]
        }
        for key in keys {
            switch types[key]!.kind {
            case .object(var object):
                for index in object.properties.indices where closesCycle(key, object.properties[index].type) {
                    object.properties[index].needsIndirection = true
                }
                types[key]?.kind = .object(object)
            case .union(var union):
                for index in union.variants.indices where closesCycle(key, union.variants[index].type) {
                    union.variants[index].needsIndirection = true
                }
                types[key]?.kind = .union(union)
            default:
                break
            }
        }
    }

    private func directTargets(of type: IRType) -> [String] {
        switch type.kind {
        case .object(let object):
            object.properties.compactMap { if case .named(let path) = $0.type { path.joined(separator: ".") } else { nil } }
        case .union(let union):
            union.variants.compactMap { if case .named(let path) = $0.type { path.joined(separator: ".") } else { nil } }
        case .alias(.named(let path)), .wrapper(.named(let path)):
            [path.joined(separator: ".")]
        default:
            []
        }
    }
}

/// The strongly connected component of every node that lies on a cycle (a component of one node
/// counts only with a self-edge), by an iterative Tarjan's algorithm: deep graphs cannot overflow
/// the stack.
func stronglyConnectedComponents(_ nodes: [String], _ edges: [String: [String]]) -> [String: Int] {
    var index: [String: Int] = [:]
    var lowLink: [String: Int] = [:]
    var onStack: Set<String> = []
    var stack: [String] = []
    var result: [String: Int] = [:]
    var nextIndex = 0
    var componentCount = 0
    for root in nodes where index[root] == nil {
        // Each frame is a node and the position of the next edge to explore.
        var frames: [(node: String, edge: Int)] = [(root, 0)]
        index[root] = nextIndex
        lowLink[root] = nextIndex
        nextIndex += 1
        stack.append(root)
        onStack.insert(root)
        while let frame = frames.last {
            let successors = edges[frame.node] ?? []
            if frame.edge < successors.count {
                frames[frames.count - 1].edge += 1
                let next = successors[frame.edge]
                if index[next] == nil {
                    index[next] = nextIndex
                    lowLink[next] = nextIndex
                    nextIndex += 1
                    stack.append(next)
                    onStack.insert(next)
                    frames.append((next, 0))
                } else if onStack.contains(next) {
                    lowLink[frame.node] = min(lowLink[frame.node]!, index[next]!)
                }
                continue
            }
            frames.removeLast()
            if let parent = frames.last {
                lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[frame.node]!)
            }
            guard lowLink[frame.node] == index[frame.node] else { continue }
            var members: [String] = []
            while let member = stack.popLast() {
                onStack.remove(member)
                members.append(member)
                if member == frame.node { break }
            }
            let cyclic = members.count > 1 || (edges[frame.node] ?? []).contains(frame.node)
            if cyclic {
                for member in members { result[member] = componentCount }
                componentCount += 1
            }
        }
    }
    return result
}
