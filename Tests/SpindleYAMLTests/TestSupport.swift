import SpindleYAML
import Testing

/// Parses `text` as `t.yaml`, recording an issue (and rethrowing) if it fails.
func parse(_ text: String, limits: YAMLLimits = .default) throws -> YAMLDocument {
    do {
        return try YAMLDocument.parse(text, file: "t.yaml", limits: limits)
    } catch {
        Issue.record("unexpected parse failure:\n\(error)")
        throw error
    }
}

/// The root of `text`, which must parse and be non-empty.
func root(_ text: String, limits: YAMLLimits = .default) throws -> YAMLNode {
    try #require(try parse(text, limits: limits).root)
}

/// The diagnostics (as printed) of bytes that must fail to parse as `t.yaml`.
func failures(_ bytes: [UInt8], limits: YAMLLimits = .default) -> [String] {
    do {
        let document = try YAMLDocument.parse(bytes, file: "t.yaml", limits: limits)
        Issue.record("expected a parse failure, got root \(String(describing: document.root))")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The diagnostics (as printed) of text that must fail to parse as `t.yaml`.
func failures(_ text: String, limits: YAMLLimits = .default) -> [String] {
    failures(Array(text.utf8), limits: limits)
}

/// Runs `body` and returns how long it took.
func measure(_ body: () -> Void) -> Duration {
    ContinuousClock().measure(body)
}
