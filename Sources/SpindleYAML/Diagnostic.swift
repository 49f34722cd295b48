/// One compiler-style message: a severity, a text and, usually, a source location.
///
/// Diagnostics order by location (unlocated ones first), then severity, then message,
/// which gives stable output when a list of them is sorted.
public struct Diagnostic: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, CaseIterable {
        /// The input is invalid; the stage that reported it fails.
        case error
        /// The input is accepted but probably not what the author meant.
        case warning
        /// Extra information attached to another diagnostic.
        case note

        /// Sort rank: errors first, then warnings, then notes.
        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// How serious the diagnostic is.
    public var severity: Severity
    /// The human-readable message, without location or severity prefix.
    public var message: String
    /// Where the problem is, if it can be pinned to a place in a file.
    public var location: SourceLocation?
    /// What kind of warning this is, for grouping and silencing; `nil` for errors and notes.
    public var kind: DiagnosticKind?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, kind: DiagnosticKind? = nil, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.kind = kind
        self.location = location
    }

    /// An error diagnostic.
    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning diagnostic. Every warning has a kind, so that it can be counted and silenced.
    public static func warning(_ kind: DiagnosticKind, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, kind: kind, at: location)
    }

    /// A note diagnostic.
    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// `file:line:column: severity: message [-Wkind]`, or `severity: message` without a location;
    /// the kind, as compilers print it, tells what `--quiet-warnings` would silence.
    public var description: String {
        let text = kind.map { "\(message) [-W\($0.rawValue)]" } ?? message
        if let location {
            return "\(location): \(severity.rawValue): \(text)"
        }
        return "\(severity.rawValue): \(text)"
    }

    /// Orders by location (missing locations first), then severity, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some):
            return true
        case (.some, nil):
            return false
        case let (.some(left), .some(right)) where left != right:
            return left < right
        default:
            break
        }
        if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.kind?.rawValue ?? "") < (rhs.kind?.rawValue ?? "")
    }
}
