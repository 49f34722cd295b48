/// How a deprecated type is declared: under a name with a leading underscore (`_Customer`), with its
/// own name a deprecated `typealias` of it.
///
/// `@available(*, deprecated)` on the type itself would make every generated declaration that names
/// it warn: the properties, operations, union cases and error cases that use it. Generated code names
/// the underscored declaration instead, so only the app's own uses of `Customer` warn.
enum DeprecatedTypeNames {
    /// The declared path of every type, by its path joined with dots, for types given as their path and
    /// whether they are deprecated. A path is declared as itself unless a type along it is deprecated.
    static func declaredPaths(_ types: [(path: [String], deprecated: Bool)]) -> [String: [String]] {
        var siblings: [String: Set<String>] = [:]
        for type in types { siblings[type.path.dropLast().joined(separator: "."), default: []].insert(type.path.last!) }
        var declared: [String: [String]] = [:]
        for type in types.sorted(by: { $0.path.count < $1.path.count }) {
            let parentKey = type.path.dropLast().joined(separator: ".")
            let parent = declared[parentKey] ?? Array(type.path.dropLast())
            let name = type.path.last!
            declared[type.path.joined(separator: ".")] = parent + [type.deprecated ? hiddenName(name, taken: siblings[parentKey] ?? []) : name]
        }
        return declared
    }

    /// `_Name`, or `_Name2`… when a sibling is named so (names start with `_` only before a digit, unless
    /// the config gives such a name).
    private static func hiddenName(_ name: String, taken: Set<String>) -> String {
        var candidate = "_" + name
        var counter = 2
        while taken.contains(candidate) {
            candidate = "_\(name)\(counter)"
            counter += 1
        }
        return candidate
    }
}
