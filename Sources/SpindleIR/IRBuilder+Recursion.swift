extension IRBuilder {
    /// Marks the properties and variants that close a cycle of direct containment (a struct that
    /// holds itself, directly or through other structs), so emitters store them indirectly.
    /// Arrays and maps already store their elements out of line and break cycles by themselves.
    func markIndirection() {
        var edges: [String: Set<String>] = [:]
        for (key, type) in types {
            edges[key] = Set(directTargets(of: type))
        }
        func reaches(_ start: String, _ goal: String) -> Bool {
            var stack = [start]
            var seen: Set<String> = []
            while let next = stack.popLast() {
                if next == goal { return true }
                guard seen.insert(next).inserted else { continue }
                stack.append(contentsOf: edges[next] ?? [])
            }
            return false
        }
        for (key, type) in types {
            switch type.kind {
            case .object(var object):
                for index in object.properties.indices {
                    if case .named(let path) = object.properties[index].type, reaches(path.joined(separator: "."), key) {
                        object.properties[index].needsIndirection = true
                    }
                }
                types[key]?.kind = .object(object)
            case .union(var union):
                for index in union.variants.indices {
                    if case .named(let path) = union.variants[index].type, reaches(path.joined(separator: "."), key) {
                        union.variants[index].needsIndirection = true
                    }
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
        case .alias(.named(let path)):
            [path.joined(separator: ".")]
        default:
            []
        }
    }
}
