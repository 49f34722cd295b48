import SpindleIR

extension TypeContextBuilder {
    /// What `form.mustache` renders for a multipart form: one property per part, the parts it writes and
    /// how it reads them back.
    func formContext(_ form: IRMultipartForm, type: IRType) -> [String: Any] {
        let scope = type.path
        let indent = 4 * scope.count + 4
        let parts = form.parts.enumerated().map { index, part -> [String: Any] in
            let swiftType = part.argumentType { spelling.spell($0, in: scope) }
            let defaultArgument: Any = part.required ? false : part.isRepeated ? "[]" : "nil"
            let escaped = SwiftNaming.escaped(part.swiftName)
            let isSelf = part.swiftName == "self"
            let name = swiftStringLiteral(part.name)
            let contentType = part.contentType.map { ["contentType: \(swiftStringLiteral($0))"] } ?? []
            let value = "self.\(escaped)"
            let append: CallStatement = switch (part.kind, part.isRepeated) {
            case (.text, false): CallStatement("form.append", [name, value] + contentType)
            case (.text, true): CallStatement("form.append", [name, "each: \(value)"] + contentType)
            case (.json, false): CallStatement("form.appendJSON", [name, value] + contentType)
            case (.json, true): CallStatement("form.appendJSON", [name, "each: \(value)"] + contentType)
            case (.file, false): CallStatement("form.append", [name, "file: \(value)"] + contentType)
            case (.file, true): CallStatement("form.append", [name, "files: \(value)"] + contentType)
            }
            let reader = switch (part.kind, part.isRepeated, part.required) {
            case (.file, true, _): "form.files"
            case (.file, false, true): "try form.file"
            case (.file, false, false): "form.optionalFile"
            case (_, true, _): "try form.values"
            case (_, false, true): "try form.value"
            case (_, false, false): "try form.optionalValue"
            }
            return [
                "escapedName": escaped,
                "parameterName": isSelf ? "\(escaped) _self" : escaped,
                "argumentName": isSelf ? "_self" : escaped,
                "swiftType": swiftType,
                "defaultArgument": defaultArgument,
                "docs": docLines(partDocs(part)),
                "isLast": index == form.parts.count - 1,
                "appendStatement": append.wrapped(indent: indent),
                "readStatement": CallStatement("\(value) = \(reader)", [name]).wrapped(indent: indent),
            ]
        }
        return ["parts": parts]
    }

    /// The description, and how the part is sent: its media type and the header fields the API documents.
    private func partDocs(_ part: IRFormPart) -> String? {
        var notes: [String] = []
        let kind = part.isRepeated ? "Repeated parts" : "Part"
        notes.append("\(kind) `\(part.name)`" + (part.contentType.map { ", sent as `\($0)`" } ?? "") + ".")
        if !part.headers.isEmpty {
            let names = part.headers.map { "`\($0)`" }.joined(separator: ", ")
            notes.append("Header fields the API documents for it (set them in `MultipartFile.headers`): \(names).")
        }
        return ([part.description].compactMap { $0 } + [notes.joined(separator: " ")]).joined(separator: "\n\n")
    }
}
