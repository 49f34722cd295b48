/// One difference between two API surfaces, judged by what it does to code that compiled against
/// the old one.
public struct APIChange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Impact: String, Sendable, Comparable, CaseIterable {
        /// Code that compiled before may not compile now.
        case sourceBreaking = "source-breaking"
        /// Code that compiled before still does, with a deprecation warning where it uses what changed.
        case deprecated
        /// Code that compiled before still does.
        case additive

        public static func < (lhs: Impact, rhs: Impact) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var impact: Impact
    /// What changed, e.g. `property removed`.
    public var kind: String
    /// Where, e.g. `Customer.language`.
    public var subject: String
    /// Old and new, where it helps, e.g. `String? -> String`.
    public var detail: String?
    /// What was removed or changed had been deprecated: code that heeded the warning is not affected.
    public var wasDeprecated: Bool

    public init(impact: Impact, kind: String, subject: String, detail: String? = nil, wasDeprecated: Bool = false) {
        self.impact = impact
        self.kind = kind
        self.subject = subject
        self.detail = detail
        self.wasDeprecated = wasDeprecated
    }

    /// The detail with the deprecation note: `String?; was deprecated`.
    public var annotatedDetail: String? {
        guard wasDeprecated else { return detail }
        return detail.map { $0 + "; was deprecated" } ?? "was deprecated"
    }

    public var description: String {
        "\(impact.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(kind): \(subject)" + (annotatedDetail.map { " (\($0))" } ?? "")
    }

    public static func < (lhs: APIChange, rhs: APIChange) -> Bool {
        (lhs.impact, lhs.subject, lhs.kind) < (rhs.impact, rhs.subject, rhs.kind)
    }
}

extension APISurface {
    /// The changes from `old` to `self`, breaking ones first, then deprecations, then by subject.
    ///
    /// What `old` does not record (a surface of an earlier format) is not compared: the first
    /// regeneration after upgrading Spindle reports no change it cannot tell.
    public func changes(from old: APISurface) -> [APIChange] {
        var diff = SurfaceComparison(old: old, new: self)
        diff.compareClient()
        diff.compareOperations()
        diff.compareTypes()
        if let before = old.errorBody, let after = errorBody { diff.compareErrorBody(before, after) }
        return diff.changes.sorted()
    }
}

/// A comparison in progress: the two surfaces and the changes found so far.
struct SurfaceComparison {
    let old: APISurface
    let new: APISurface
    /// Whether `old` records what format 2 added (signatures, pagination, deprecations, the client).
    let detailed: Bool
    /// Old top-level type names the new surface keeps as deprecated aliases of their new names.
    let renames: [String: String]
    private(set) var changes: [APIChange] = []

    init(old: APISurface, new: APISurface) {
        self.old = old
        self.new = new
        detailed = (old.format ?? 1) >= 2
        var renames: [String: String] = [:]
        for (name, type) in new.types where type.renamed == true && old.types[name]?.renamed != true {
            if let target = type.target { renames[name] = target }
        }
        self.renames = renames
    }

    mutating func add(_ impact: APIChange.Impact, _ kind: String, _ subject: String, _ detail: String? = nil, wasDeprecated: Bool = false) {
        changes.append(APIChange(impact: impact, kind: kind, subject: subject, detail: detail, wasDeprecated: wasDeprecated))
    }

    /// An old type spelling (or type path) as the new surface spells the same type: renamed types by their
    /// new names (their old names are aliases of them, so both spellings are one type).
    func canonical(_ spelling: String) -> String {
        renames.reduce(spelling) { text, rename in RenamedTypes.replacing(rename.key, with: rename.value, in: text) }
    }

    mutating func compareClient() {
        guard detailed, let before = old.client, let after = new.client else { return }
        if before.name != after.name { add(.sourceBreaking, "client renamed", before.name, "now \(after.name)") }
        if before.initializer != after.initializer {
            add(.sourceBreaking, "client initializer changed", after.name, "\(before.initializer) -> \(after.initializer)")
        }
    }

    mutating func compareErrorBody(_ before: APISurface.ErrorBodySurface, _ after: APISurface.ErrorBodySurface) {
        // The error-body enum has no unknown case users could fall back on, and outside library evolution
        // mode Swift treats every enum as exhaustive anyway: each case added or removed breaks a `switch`.
        for (name, type) in after.cases where before.cases[name] == nil {
            add(.sourceBreaking, "error body case added", "\(after.name).\(name)", type)
        }
        for (name, type) in before.cases {
            guard let newType = after.cases[name] else {
                add(.sourceBreaking, "error body case removed", "\(after.name).\(name)", type)
                continue
            }
            if newType != canonical(type) { add(.sourceBreaking, "error body case type changed", "\(after.name).\(name)", "\(type) -> \(newType)") }
        }
    }
}

/// `a` and `b` list some of the same labels in a different order.
func reordersCommonLabels(_ a: [String], _ b: [String]) -> Bool {
    let common = Set(a).intersection(b)
    return a.filter(common.contains) != b.filter(common.contains)
}

/// The argument labels of `name(a:b:)`.
func argumentLabels(_ signature: String) -> [String] {
    guard let open = signature.firstIndex(of: "("), let close = signature.lastIndex(of: ")") else { return [] }
    return signature[signature.index(after: open)..<close].split(separator: ":").map(String.init)
}

/// A printable report of `changes` between two versions of a module.
public func changeReport(module: String, from oldVersion: String, to newVersion: String, changes: [APIChange]) -> String {
    let counts = APIChange.Impact.allCases.map { impact in "\(changes.filter { $0.impact == impact }.count) \(impact.rawValue)" }
    var lines = ["\(module) \(oldVersion) -> \(newVersion): \(changes.count) change\(changes.count == 1 ? "" : "s") (\(counts.joined(separator: ", ")))"]
    lines += changes.map { "  " + $0.description }
    return lines.joined(separator: "\n")
}
