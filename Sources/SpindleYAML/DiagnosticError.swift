/// Thrown when a stage fails; holds every diagnostic found (errors and warnings), sorted.
public struct DiagnosticError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every diagnostic the failing stage produced, in sorted order.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics, which are sorted.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// Creates an error holding a single diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Only the diagnostics of severity `.error`.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line, in sorted order.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
