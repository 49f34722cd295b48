/// Counts warnings by kind across a run, drops the silenced ones from what is printed, and writes
/// the summary line that follows the diagnostics.
///
/// A silenced warning is still counted: the summary says how many were silenced, so quieting a kind
/// never hides that the spec has those problems.
///
/// ```swift
/// var tally = WarningTally(quiet: [.propertyNames])
/// for diagnostic in tally.shown(diagnostics) { print(diagnostic) }
/// if let line = tally.summary { print(line) }  // warning summary: 138 property-names (silenced), ...
/// ```
public struct WarningTally: Sendable {
    /// Kinds silenced for every call of ``shown(_:quieting:)``.
    public var quiet: Set<DiagnosticKind>
    /// Warnings seen, by kind (`nil` for a warning without one).
    public private(set) var counts: [DiagnosticKind?: Int] = [:]
    /// Of those, how many were silenced, by kind.
    public private(set) var silenced: [DiagnosticKind: Int] = [:]

    /// Creates a tally that silences `quiet` everywhere.
    public init(quiet: Set<DiagnosticKind> = []) {
        self.quiet = quiet
    }

    /// How many warnings were seen in all.
    public var total: Int { counts.values.reduce(0, +) }

    /// How many of them were silenced.
    public var silencedTotal: Int { silenced.values.reduce(0, +) }

    /// Counts the warnings of `diagnostics` and returns the diagnostics to print: all but the
    /// warnings of a kind in ``quiet`` or in `extra` (a vendor's own `quietWarnings`).
    public mutating func shown(_ diagnostics: [Diagnostic], quieting extra: Set<DiagnosticKind> = []) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            guard diagnostic.severity == .warning else { return true }
            counts[diagnostic.kind, default: 0] += 1
            guard let kind = diagnostic.kind, quiet.contains(kind) || extra.contains(kind) else { return true }
            silenced[kind, default: 0] += 1
            return false
        }
    }

    /// `warning summary: 138 property-names (silenced), 12 allof-non-object; 150 warnings, 138 silenced`,
    /// most frequent kind first, or `nil` when there was no warning.
    public var summary: String? {
        guard total > 0 else { return nil }
        let groups = counts.sorted { left, right in
            left.value != right.value ? left.value > right.value : (left.key?.rawValue ?? "") < (right.key?.rawValue ?? "")
        }.map { kind, count in
            let name = kind?.rawValue ?? "other"
            let quieted = kind.flatMap { silenced[$0] } ?? 0
            let note = quieted == 0 ? "" : quieted == count ? " (silenced)" : " (\(quieted) silenced)"
            return "\(count) \(name)\(note)"
        }
        var line = "warning summary: " + groups.joined(separator: ", ") + "; \(total) warning\(total == 1 ? "" : "s")"
        if silencedTotal > 0 { line += ", \(silencedTotal) silenced" }
        return line
    }
}
