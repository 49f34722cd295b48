/// A collector of diagnostics that stages append to while they work.
///
/// ```swift
/// var bag = DiagnosticBag()
/// bag.error("unknown type 'strin'", at: node.location)
/// try bag.throwIfErrors()
/// ```
public struct DiagnosticBag: Sendable {
    /// The diagnostics in the order they were appended.
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many of the diagnostics are errors.
    public private(set) var errorCount = 0

    /// Creates an empty bag.
    public init() {}

    /// Creates a bag holding the given diagnostics.
    public init(_ diagnostics: some Sequence<Diagnostic>) {
        append(contentsOf: diagnostics)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { errorCount > 0 }

    /// Whether the bag holds no diagnostics at all.
    public var isEmpty: Bool { diagnostics.isEmpty }

    /// The diagnostics in sorted order (location, then severity, then message).
    public var sorted: [Diagnostic] { diagnostics.sorted() }

    /// Adds a diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        for diagnostic in other { append(diagnostic) }
    }

    /// Adds an error.
    public mutating func error(_ message: String, at location: SourceLocation?) {
        append(.error(message, at: location))
    }

    /// Adds a warning of `kind`.
    public mutating func warning(_ kind: DiagnosticKind, _ message: String, at location: SourceLocation?) {
        append(.warning(kind, message, at: location))
    }

    /// Adds a note.
    public mutating func note(_ message: String, at location: SourceLocation?) {
        append(.note(message, at: location))
    }

    /// A ``DiagnosticError`` holding every diagnostic, sorted.
    public var asError: DiagnosticError { DiagnosticError(diagnostics) }

    /// Throws every diagnostic (sorted) if any of them is an error.
    public func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw asError }
    }
}
