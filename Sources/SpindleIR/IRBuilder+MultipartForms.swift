import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The generated form type of a multipart body whose schema is an object: each property a part, arrays
    /// as repeated parts, with the media types and header fields of the `encoding` object. `nil` (with a
    /// warning when a schema was written) when there is no object to make parts of: the body is then raw
    /// parts.
    ///
    /// A schema used by several bodies is one form, unless a body's `encoding` makes its parts differ.
    func multipartForm(_ media: MediaType, suggested: String, owner: String) -> [String]? {
        guard let schema = media.schema, let resolved = loader.resolve(schema) else { return nil }
        let sources = formProperties(of: resolved)
        guard !sources.isEmpty else {
            report(.warning(
                .unsupportedBody, "the '\(media.contentType)' schema is no object with properties; the body is raw parts (MultipartForm)",
                at: schema.location))
            return nil
        }
        var key = "form:\(Self.relativeTarget(resolved.origin))"
        if !media.encoding.isEmpty { key += "@\(owner)" }
        if let path = built[key] { return path }
        let name: String
        if let component = api.componentName(of: resolved.origin) {
            name = typeName(component) + "Form"
        } else {
            name = typeName(suggested)
        }
        let path = claim(name, in: [], key: key)
        built[key] = path
        types[path.joined(separator: ".")] = IRType(
            name: path.last!, path: path, kind: .multipartForm(IRMultipartForm(parts: [])),
            description: resolved.description ?? "The parts of a `\(media.contentType)` body: each property is a part.",
            deprecated: resolved.deprecated, nested: [], source: resolved.origin.target)
        let form = IRMultipartForm(parts: formParts(sources, encoding: media.encoding, path: path))
        types[path.joined(separator: ".")]?.kind = .multipartForm(form)
        return path
    }

    /// The properties of an object schema and of the objects its `allOf` combines, first occurrence kept.
    private func formProperties(of schema: Schema, depth: Int = 0) -> [PropertySource] {
        var sources = properties(of: schema)
        guard depth < 32 else { return sources }
        for part in schema.allOf {
            for source in formProperties(of: loader.resolve(part) ?? part, depth: depth + 1)
            where !sources.contains(where: { $0.name == source.name }) {
                sources.append(source)
            }
        }
        return sources
    }

    private func formParts(_ sources: [PropertySource], encoding: [(name: String, encoding: Encoding)], path: [String]) -> [IRFormPart] {
        var encodings: [String: Encoding] = [:]
        for (name, entry) in encoding {
            if sources.contains(where: { $0.name == name }) {
                encodings[name] = encodings[name] ?? entry
            } else {
                report(.warning(.unsupportedBody, "encoding names '\(name)', which is no property of the form; ignored", at: entry.location))
            }
        }
        // Generated forms have a `form` member (MultipartFormCodable).
        let reserved = ["form"]
        let swiftNames = SwiftNaming.uniqued(reserved + sources.map { SwiftNaming.memberName($0.name) }).dropFirst(reserved.count)
        return zip(sources, swiftNames).map { source, swiftName in
            let resolved = loader.resolve(source.schema) ?? source.schema
            var element = source.schema
            var isRepeated = false
            if resolved.nonNullTypes == [.array], let items = resolved.items {
                element = items
                isRepeated = true
            }
            let elementResolved = loader.resolve(element) ?? element
            let entry = encodings[source.name]
            // `contentType` may list several types; the first is what the part is sent as.
            let declared = entry?.contentType?.split(separator: ",").first.map { $0.filter { $0 != " " } }
            let schemaMediaType = elementResolved.node["contentMediaType"]?.scalar
            let isFile = elementResolved.nonNullTypes == [.string] && (elementResolved.format == "binary" || schemaMediaType != nil)
            var kind = IRFormPart.Kind.file
            var type = IRTypeRef.data
            if !isFile {
                type = typeRef(element, context: NameContext(parent: path, suggested: source.name)).type
                kind = declared.flatMap(MediaTypeName.init)?.isJSON == true || !isText(type) ? .json : .text
            }
            let contentType = (declared ?? (isFile ? schemaMediaType : nil)).flatMap { text in
                MediaTypeName(text)?.isConcrete == true ? text : nil
            }
            let headers = entry?.headers.map(\.name) ?? []
            if let entry, !headers.isEmpty, kind != .file {
                report(.warning(
                    .unsupportedBody, "the header fields of part '\(source.name)' are not sent: only file parts carry header fields",
                    at: entry.location))
            }
            return IRFormPart(
                name: source.name, swiftName: swiftName, kind: kind, type: type, isRepeated: isRepeated,
                required: source.required, contentType: contentType, headers: headers,
                description: source.schema.description ?? resolved.description)
        }
    }

    /// Whether values of `type` are written as text (`ParameterEncodable` in the runtime): scalars, dates,
    /// bytes and enums, through aliases.
    private func isText(_ type: IRTypeRef, depth: Int = 0) -> Bool {
        switch type {
        case .string, .date, .dateTime, .unixTime, .data, .integer, .number, .boolean:
            return true
        case .json, .array, .map:
            return false
        case .named(let path):
            switch types[path.joined(separator: ".")]?.kind {
            case .enumeration?: return true
            case .alias(let target)? where depth < 32: return isText(target, depth: depth + 1)
            default: return false
            }
        }
    }
}
