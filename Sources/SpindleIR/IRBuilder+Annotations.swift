import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// Keywords that describe a value without constraining it (and 3.0's `nullable`, which widens it).
    static let annotationKeywords: Set<String> = [
        "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
        "externalDocs", "nullable", "$comment", "xml",
    ]

    /// Whether an `allOf` part only annotates the others: `{example: USD}`, `{nullable: true}`,
    /// `{description: …}`, `{}` or `true`. Such a part adds no property and no type, so it must not
    /// turn an `allOf` that refers to a single type into free-form JSON.
    func isAnnotationOnly(_ part: Schema) -> Bool {
        guard part.ref == nil else { return false }
        let node = part.node
        switch node.kind {
        case .mapping:
            return node.entries.allSatisfy { key, _ in
                guard let name = key.scalar else { return false }
                return name.hasPrefix("x-") || Self.annotationKeywords.contains(name)
            }
        case .scalar:
            return node.bool == true
        default:
            return false
        }
    }

    /// The one part an `allOf` is about, when every other part only annotates it and the schema
    /// itself declares no properties: `allOf: [{$ref: Currency}, {example: USD}]`, `allOf: [{$ref: X},
    /// {nullable: true}]`, `allOf: [{$ref: Token}]`. This is how 3.0 documents (which ignore siblings
    /// of `$ref`) attach a description or `nullable` to a reference.
    func allOfReference(_ schema: Schema) -> (part: Schema, annotations: [Schema])? {
        guard !schema.allOf.isEmpty, schema.properties.isEmpty else { return nil }
        var annotations: [Schema] = []
        var parts: [Schema] = []
        for part in schema.allOf {
            if isAnnotationOnly(part) { annotations.append(part) } else { parts.append(part) }
        }
        if parts.count == 1 { return (parts[0], annotations) }
        // `allOf: [{$ref: Status}, {type: string, description: …}]`: a part that only restates the type of
        // the one it accompanies, besides annotating it, says nothing new either (Plaid writes these).
        for (index, candidate) in parts.enumerated() {
            let others = parts.enumerated().filter { $0.offset != index }.map(\.element)
            if others.allSatisfy({ restatesType(of: candidate, $0) }) {
                return (candidate, annotations + others)
            }
        }
        return nil
    }

    /// Whether `part` holds nothing but annotations and a `type` equal to that of `other` (resolved).
    func restatesType(of other: Schema, _ part: Schema) -> Bool {
        guard part.ref == nil, part.node.kind == .mapping, part.node["type"] != nil, !part.nonNullTypes.isEmpty,
            part.node.entries.allSatisfy({ key, _ in
                guard let name = key.scalar else { return false }
                return name == "type" || name.hasPrefix("x-") || Self.annotationKeywords.contains(name)
            })
        else { return false }
        let target = loader.resolve(other) ?? other
        return part.nonNullTypes == target.nonNullTypes
    }

    /// Whether a part of `schema` that only annotates (or restates the type of) the one it is about says
    /// `nullable: true`.
    func allOfAdmitsNull(_ schema: Schema) -> Bool {
        if schema.allOf.contains(where: { isAnnotationOnly($0) && $0.allowsNull }) { return true }
        return allOfReference(schema)?.annotations.contains(where: \.allowsNull) ?? false
    }

    /// Whether `part` can be merged into an object: an object, untyped, or an `allOf` about one.
    /// Parts that refer through `allOf` to a string or an enum are not, however deep.
    func isObjectLike(_ part: Schema, depth: Int = 0) -> Bool {
        let resolved = loader.resolve(part) ?? part
        guard resolved.oneOf.isEmpty, resolved.anyOf.isEmpty, resolved.enumValues == nil,
            resolved.nonNullTypes.isEmpty || resolved.nonNullTypes == [.object]
        else { return false }
        if depth < 32, resolved.nonNullTypes.isEmpty, let reference = allOfReference(resolved) {
            return isObjectLike(reference.part, depth: depth + 1)
        }
        return true
    }

    /// The schemas whose annotations describe a value of `schema`: itself, then its `allOf` parts
    /// that only annotate, in document order.
    func annotationSources(_ schema: Schema) -> [Schema] {
        guard !schema.allOf.isEmpty else { return [schema] }
        return [schema] + (allOfReference(schema)?.annotations ?? schema.allOf.filter(isAnnotationOnly))
    }

    /// The first description among ``annotationSources(_:)``.
    func annotatedDescription(_ schema: Schema) -> String? {
        annotationSources(schema).lazy.compactMap(\.description).first
    }
}
