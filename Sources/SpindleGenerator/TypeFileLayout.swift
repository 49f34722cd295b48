/// Which generated file each top-level type goes into.
///
/// A module of up to ``perTypeLimit`` types gets one file per type. A larger one groups related types,
/// by the leading words of their names (`Types/Customer.swift` holds `Customer`, `CustomerTax`, …): in
/// a debug build every compiler job parses every file of the module, and with Stripe's 1,575 types in
/// 1,575 files that repeated per-file work was about a fifth of the module's build time (issue #16).
/// A group larger than ``groupBytes`` hands its larger subgroups (one word more) files of their own.
///
/// The layout depends only on the names and sizes of the types, so it is deterministic, and a spec
/// bump that changes one type changes one file unless a group crosses the size limit.
enum TypeFileLayout {
    /// Modules with more top-level types than this are grouped.
    static let perTypeLimit = 200
    /// A group of types whose rendered size exceeds this many bytes is split.
    static let groupBytes = 128 * 1024
    /// A subgroup of a split group gets its own file when it has at least this share of ``groupBytes``;
    /// smaller ones stay in the group's file, so splitting does not scatter a group over tiny files.
    static let subgroupShare = 4

    /// One file: its name without the extension, and the indices (into the input) of its types, in order.
    struct File: Equatable {
        var name: String
        var members: [Int]
    }

    /// The files for types with these names and rendered sizes, sorted by name.
    static func files(names: [String], sizes: [Int]) -> [File] {
        guard names.count > perTypeLimit else {
            return names.indices.map { File(name: names[$0], members: [$0]) }.sorted { $0.name < $1.name }
        }
        let words = names.map(nameWords)
        func size(_ members: [Int]) -> Int { members.reduce(0) { $0 + sizes[$1] } }
        // Keys compare case-insensitively: `Url` and `URL` may not be two files on macOS.
        func key(_ index: Int, _ depth: Int) -> String { words[index].prefix(depth).joined() }
        var files: [File] = []
        func place(_ members: [Int], depth: Int) {
            let name = key(members[0], depth)
            guard members.count > 1, size(members) > groupBytes else {
                files.append(File(name: name, members: members))
                return
            }
            var stay: [Int] = []
            var subgroups: [String: [Int]] = [:]
            var order: [String] = []
            for member in members {
                guard words[member].count > depth else {
                    stay.append(member)
                    continue
                }
                let subkey = key(member, depth + 1).lowercased()
                if subgroups[subkey] == nil { order.append(subkey) }
                subgroups[subkey, default: []].append(member)
            }
            for subkey in order {
                let subgroup = subgroups[subkey]!
                if size(subgroup) * subgroupShare >= groupBytes { place(subgroup, depth: depth + 1) } else { stay += subgroup }
            }
            if !stay.isEmpty { files.append(File(name: name, members: stay.sorted())) }
        }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for index in names.indices {
            let groupKey = key(index, 1).lowercased()
            if groups[groupKey] == nil { order.append(groupKey) }
            groups[groupKey, default: []].append(index)
        }
        for groupKey in order { place(groups[groupKey]!, depth: 1) }
        // A subgroup's key can equal another group's in all but case (`PaymentIntents` under `Payment`, and a
        // type named `Paymentintents`): the later file gets a numbered name.
        var used: Set<String> = []
        for index in files.indices {
            let base = files[index].name
            var number = 1
            while !used.insert(files[index].name.lowercased()).inserted {
                number += 1
                files[index].name = "\(base)_\(number)"
            }
        }
        return files.sorted { $0.name < $1.name }
    }

    /// The words of a type name: a word starts at an ASCII capital that follows a character that is
    /// not one (`PaymentIntentsCreateRequest`: Payment, Intents, Create, Request). Leading underscores
    /// and digits belong to the first word.
    static func nameWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousIsUpper = false
        for character in name {
            let isUpper = character.isASCII && character.isUppercase
            if isUpper && !previousIsUpper && !current.isEmpty && current.contains(where: { $0 != "_" && !$0.isNumber }) {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousIsUpper = isUpper
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
