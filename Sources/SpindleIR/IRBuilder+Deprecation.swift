import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The extensions specs use to say why something is deprecated, in the order they are read.
    static let deprecationMessageKeys = ["x-deprecated-message", "x-deprecation-reason"]

    /// The message of a deprecation: the `x-deprecated-message` (or `x-deprecation-reason`) the spec gives,
    /// else the first sentence of the description, else `nil`. One line, at most ``deprecationMessageLimit``
    /// characters: it becomes the `message:` of `@available(*, deprecated)`, which compilers print in full.
    static func deprecationMessage(description: String?, extensions: [String: YAMLNode]) -> String? {
        for key in deprecationMessageKeys {
            if let text = extensions[key]?.scalar.flatMap(oneLine), !text.isEmpty { return shortened(text) }
        }
        guard let text = description.flatMap(oneLine), !text.isEmpty else { return nil }
        return shortened(firstSentence(text))
    }

    static let deprecationMessageLimit = 200

    /// `text` with every run of whitespace (line breaks included) turned into one space, trimmed.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Up to and including the first `.`, `!` or `?` that a space follows, or all of `text`.
    private static func firstSentence(_ text: String) -> String {
        var previous: Character?
        for index in text.indices {
            if text[index] == " ", let previous, ".!?".contains(previous) { return String(text[..<index]) }
            previous = text[index]
        }
        return text
    }

    private static func shortened(_ text: String) -> String {
        guard text.count > deprecationMessageLimit else { return text }
        let cut = text.prefix(deprecationMessageLimit - 1)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}

extension IRBuilder {
    /// The deprecation message of a value described by `sources` (a schema and the `allOf` parts that annotate
    /// it, then what it refers to): the first message extension among them, else the first description.
    func deprecationMessage(of sources: [Schema], description: String?) -> String? {
        for source in sources {
            let extensions = source.extensions
            if Self.deprecationMessageKeys.contains(where: { extensions[$0] != nil }) {
                if let message = Self.deprecationMessage(description: nil, extensions: extensions) { return message }
            }
        }
        return Self.deprecationMessage(description: description, extensions: [:])
    }
}
