/// What a spec bump does to a module's Swift API: the report `spindle generate` prints after
/// regenerating and `spindle diff` prints before, and the section `spindle generate --changelog`
/// writes. Both commands build it from the same two surfaces, so they print the same text.
public struct SpecBump: Sendable, Equatable {
    public var module: String
    public var oldVersion: String
    public var newVersion: String
    /// Breaking changes first, then deprecations, then additions (see ``APISurface/changes(from:)``).
    public var changes: [APIChange]

    public init(module: String, oldVersion: String, newVersion: String, changes: [APIChange]) {
        self.module = module
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.changes = changes
    }

    public init(from old: APISurface, to new: APISurface) {
        module = new.module
        oldVersion = old.version
        newVersion = new.version
        changes = new.changes(from: old)
    }

    /// Whether code written against the old module may not compile against the new one.
    public var isSourceBreaking: Bool { changes.contains { $0.impact == .sourceBreaking } }

    /// The report: a summary line, then one line per change.
    public var report: String {
        changeReport(module: module, from: oldVersion, to: newVersion, changes: changes)
    }

    /// A Markdown section for a changelog: a heading with the versions and `date`, then the changes by impact.
    public func changelogSection(date: String?) -> String {
        var lines = ["## \(markdown(module)) \(markdown(oldVersion)) -> \(markdown(newVersion))" + (date.map { " (\(markdown($0)))" } ?? ""), ""]
        if changes.isEmpty { lines += ["No changes to the Swift API.", ""] }
        for impact in APIChange.Impact.allCases {
            let listed = changes.filter { $0.impact == impact }
            guard !listed.isEmpty else { continue }
            lines += ["### " + Self.headings[impact]!, ""]
            lines += listed.map { change in
                "- \(markdown(change.kind)): `\(change.subject)`" + (change.annotatedDetail.map { " (\(markdown($0)))" } ?? "")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static let headings: [APIChange.Impact: String] = [
        .sourceBreaking: "Source-breaking", .deprecated: "Deprecated", .additive: "Additive",
    ]

    /// The date a spec's version names, when the version is one (`2024-06-20`, as dated API versions are):
    /// what a changelog section is dated by when no date is given.
    public static func date(inVersion version: String) -> String? {
        isDate(String(version.prefix(10))) ? String(version.prefix(10)) : nil
    }

    /// Whether `text` is a `YYYY-MM-DD` date.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// `text` with the characters Markdown would read as markup escaped, so spec text shows as written.
private func markdown(_ text: String) -> String {
    var result = ""
    for character in text {
        if "\\`*_<>[]|#".contains(character) { result.append("\\") }
        result.append(character)
    }
    return result
}

/// A Markdown changelog that new sections go on top of.
public enum Changelog {
    /// `text` with `sections` placed before its first section: after a leading `# Title` line when it has
    /// one, otherwise at the top. Sections are separated by blank lines.
    public static func prepending(_ sections: [String], to text: String) -> String {
        guard !sections.isEmpty else { return text }
        let added = sections.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
        if text.hasPrefix("# "), let end = text.firstIndex(of: "\n") {
            let rest = text[text.index(after: end)...].drop { $0 == "\n" }
            return text[...end] + "\n" + added + (rest.isEmpty ? "" : "\n" + rest)
        }
        let rest = text.drop { $0 == "\n" }
        return added + (rest.isEmpty ? "" : "\n" + rest)
    }
}
