/// `@available(*, deprecated…)` as generated code writes it: with the spec's message when there is one,
/// laid out as swift-format lays it out.
enum DeprecationAttribute {
    /// The attribute for a declaration that starts at column `indent` of the output. Continuation lines are
    /// indented `templateIndent + 4`: the text lands at column `templateIndent` of a template, and nesting
    /// indents whole declarations afterwards.
    ///
    /// A message too long for one line goes on a line of its own, shortened there to fit (swift-format
    /// cannot break a string literal, and `lint --strict` refuses a longer line).
    static func text(message: String?, indent: Int, templateIndent: Int) -> String {
        guard let message else { return "@available(*, deprecated)" }
        let single = "@available(*, deprecated, message: \(swiftStringLiteral(message)))"
        if indent + single.count <= lineLimit { return single }
        let inner = String(repeating: " ", count: templateIndent + 4)
        let outer = String(repeating: " ", count: templateIndent)
        let room = lineLimit - indent - 4 - "message: ".count
        return "@available(\n\(inner)*, deprecated,\n\(inner)message: \(fitted(message, room: room))\n\(outer))"
    }

    /// The attribute of a typealias kept for a type's previous name.
    static func renamed(to name: String) -> String {
        "@available(*, deprecated, renamed: \(swiftStringLiteral(name)))"
    }

    /// `message` as a string literal of at most `room` characters: cut at a word, with `…`.
    private static func fitted(_ message: String, room: Int) -> String {
        var text = message
        var literal = swiftStringLiteral(text)
        while literal.count > room, !text.isEmpty {
            let cut = text.dropLast(2)
            text = (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut))
            literal = swiftStringLiteral(text + "…")
        }
        return literal
    }
}
