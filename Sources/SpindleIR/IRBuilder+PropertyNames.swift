import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// What `propertyNames` says about the keys of `schema`'s objects, as a line of documentation,
    /// or `nil` when it says nothing every JSON key does not already satisfy (`{}`, `true`,
    /// `{type: string}`): real specs write those on every map, and they need no note or warning.
    ///
    /// A constraint that narrows the keys (a pattern, lengths, an enum) is reported: the keys are
    /// typed `String` and nothing checks them. Reports are deduplicated by location, so every
    /// place that documents or types the schema may ask.
    func keyConstraintNote(_ schema: Schema) -> String? {
        guard let names = schema.propertyNames else { return nil }
        let resolved = loader.resolve(names) ?? names
        var notes: [String] = []
        var narrowing: [String] = []
        let constraints = resolved.constraints
        if let pattern = constraints.pattern {
            notes.append("match `\(pattern)`")
            narrowing.append("pattern")
        }
        if let values = resolved.enumValues {
            let shown = values.prefix(8).map { "`\($0.stringValue ?? "null")`" }.joined(separator: ", ")
            notes.append("one of \(shown)\(values.count > 8 ? ", …" : "")")
            narrowing.append("enum")
        }
        if let constant = resolved.constValue {
            notes.append("always `\(constant.stringValue ?? "null")`")
            narrowing.append("const")
        }
        if let minimum = constraints.minLength, minimum > 0 {
            notes.append("at least \(minimum) character\(minimum == 1 ? "" : "s")")
            narrowing.append("minLength")
        }
        if let maximum = constraints.maxLength {
            notes.append("at most \(maximum) character\(maximum == 1 ? "" : "s")")
            narrowing.append("maxLength")
        }
        let types = resolved.nonNullTypes
        if !types.isEmpty && types != [.string] {
            notes.append("\(types.map(\.rawValue).joined(separator: " or ")) (no JSON key is)")
            narrowing.append("type")
        }
        for (keyword, parts) in [("oneOf", resolved.oneOf), ("anyOf", resolved.anyOf), ("allOf", resolved.allOf)] where !parts.isEmpty {
            notes.append("match the `\(keyword)` of the spec's `propertyNames`")
            narrowing.append(keyword)
        }
        // `format` is an annotation in JSON Schema 2020-12: worth saying, not worth a warning.
        if let format = resolved.format { notes.append("format `\(format)`") }
        if !narrowing.isEmpty {
            report(
                .warning(
                    .propertyNames,
                    "propertyNames narrows the keys (\(narrowing.joined(separator: ", "))); the map is typed [String: T] "
                        + "and keys are not checked; the constraint is kept in the docs",
                    at: names.location))
        }
        return notes.isEmpty ? nil : "Keys: " + notes.joined(separator: "; ") + "."
    }

    /// `text` followed by the key constraint of `schema`, as one description.
    func describing(_ text: String?, keysOf schema: Schema) -> String? {
        guard let note = keyConstraintNote(schema) else { return text }
        return text.map { $0 + "\n\n" + note } ?? note
    }
}
