/// A type the spec renamed between two generations, kept under its old name as a deprecated
/// `typealias` so that code written against the previous version still compiles.
struct RenamedType: Sendable, Hashable {
    /// The name in the previous generation; the alias.
    var oldName: String
    /// The name now; the alias's target.
    var newName: String

    /// The deprecation message the surface records for the alias.
    var message: String { "renamed to \(newName)" }
}

/// Finds renamed types by comparing the previous surface with the current one.
///
/// A top-level type of the previous generation that is gone, while exactly one new top-level type has
/// its shape (the same members and nested types, with the new name for the old one), was renamed. Only
/// the shape counts: descriptions, deprecations and where the schema is written may differ. An alias
/// the previous generation kept is kept again while its target exists and nothing else took its name,
/// so code keeps compiling across several bumps until `naming.keepRenamedTypes: false` drops it.
enum RenamedTypes {
    /// The renames `current` (a surface without renamed aliases) needs to stay compatible with `previous`.
    static func find(previous: APISurface?, current: APISurface) -> [RenamedType] {
        guard let previous else { return [] }
        let taken = Set(current.types.keys).union(current.reservedNames)
        let topLevel = { (surface: APISurface) in surface.types.keys.filter { !$0.contains(".") && surface.types[$0]?.renamed != true } }
        let gone = topLevel(previous).filter { !taken.contains($0) }.sorted()
        let added = topLevel(current).filter { previous.types[$0] == nil }.sorted()
        let oldTrees = trees(previous)
        let newTrees = trees(current)
        var renames: [RenamedType] = []
        for name in gone {
            let matches = added.filter { sameShape(oldTrees[name] ?? [:], name, newTrees[$0] ?? [:], $0) }
            if matches.count == 1 { renames.append(RenamedType(oldName: name, newName: matches[0])) }
        }
        let renamedNames = Set(renames.map(\.oldName))
        for (name, type) in previous.types where type.renamed == true && !taken.contains(name) && !renamedNames.contains(name) {
            guard let target = type.target, current.types[target] != nil || renamedNames.contains(target) else { continue }
            renames.append(RenamedType(oldName: name, newName: target))
        }
        return renames.sorted { $0.oldName < $1.oldName }
    }

    /// Each top-level type with its nested types, by the top-level name.
    private static func trees(_ surface: APISurface) -> [String: [String: APISurface.TypeSurface]] {
        var trees: [String: [String: APISurface.TypeSurface]] = [:]
        for (key, type) in surface.types { trees[String(key.prefix { $0 != "." }), default: [:]][key] = type }
        return trees
    }

    /// Whether the tree of the previous type `old` has the shape of the tree of the current type `new`.
    private static func sameShape(
        _ oldTree: [String: APISurface.TypeSurface], _ old: String, _ newTree: [String: APISurface.TypeSurface], _ new: String
    ) -> Bool {
        guard oldTree.count == newTree.count else { return false }
        let rename = { (text: String) in replacing(old, with: new, in: text) }
        for (key, before) in oldTree {
            guard let after = newTree[new + key.dropFirst(old.count)] else { return false }
            guard before.kind == after.kind, before.properties?.mapValues(rename) == after.properties,
                before.target.map(rename) == after.target,
                // Format 1 recorded no initializer; the properties' order then goes unchecked.
                before.initializer == nil || before.initializer == after.initializer,
                (before.kind == "enum" ? before.rawValues == after.rawValues : before.cases?.mapValues(rename) == after.cases)
            else { return false }
        }
        return true
    }

    /// `text` (a Swift type spelling) with the top-level type `name` written `replacement`: `[Customer.Status]?`
    /// becomes `[Client.Status]?`, while `CustomerList` and `Order.Customer` stay as they are.
    static func replacing(_ name: String, with replacement: String, in text: String) -> String {
        guard text.contains(name) else { return text }
        let isIdentifier = { (character: Character) in character.isLetter || character.isNumber || character == "_" }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(name) {
                let end = text.index(index, offsetBy: name.count)
                let before = index == text.startIndex ? nil : text[text.index(before: index)]
                let startsName = before.map { !isIdentifier($0) && $0 != "." } ?? true
                let endsName = end == text.endIndex || !isIdentifier(text[end])
                if startsName && endsName {
                    result += replacement
                    index = end
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}

extension APISurface {
    /// Top-level names the module declares besides its types: the client and the error types.
    var reservedNames: Set<String> {
        var names: Set<String> = [module + "Error"]
        if let client { names.insert(client.name) }
        if let errorBody { names.insert(errorBody.name) }
        return names
    }

    /// Adds the deprecated aliases that keep `renames` compiling.
    mutating func keep(_ renames: [RenamedType]) {
        for rename in renames {
            types[rename.oldName] = TypeSurface(kind: "alias", target: rename.newName, deprecated: rename.message, renamed: true)
        }
    }
}
