import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The shape of the generated type at `path`.
    func typeKind(_ schema: Schema, path: [String]) -> IRType.Kind {
        if let values = schema.enumValues, enumIsRepresentable(schema) {
            return .enumeration(enumeration(values, schema: schema))
        }
        // A union that collapses where it is used (one non-null variant, or variants of one
        // primitive) is an alias of what it collapses to, as it would be inline.
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            let shape = unionShape(schema)
            if shape.variants.count > 1, shape.primitive == nil, let union = union(schema, path: path) { return .union(union) }
        }
        if !schema.allOf.isEmpty {
            // A named `allOf` about one type that is not an object (a string, an enum, a union) is an
            // alias of it. One about an object keeps a type of its own, merged as before.
            if let reference = allOfReference(schema), !isObjectLike(reference.part) {
                let parent = path.count > 1 ? Array(path.dropLast()) : nil
                let suggested = reference.part.ref?.pointer.lastToken ?? path.last! + "Value"
                return .alias(typeRef(reference.part, context: NameContext(parent: parent, suggested: suggested)).type)
            }
            return allOf(schema, path: path)
        }
        if !schema.properties.isEmpty || schema.nonNullTypes == [.object] {
            return .object(object(properties(of: schema), schema: schema, path: path))
        }
        // A typealias cannot hold nested types, so what it names lives beside it.
        let parent = path.count > 1 ? Array(path.dropLast()) : nil
        return .alias(typeRef(schema, context: NameContext(parent: parent, suggested: path.last! + "Element")).type)
    }

    /// One property as collected from a schema (or several, for `allOf`).
    struct PropertySource {
        var name: String
        var schema: Schema
        var required: Bool
    }

    func properties(of schema: Schema) -> [PropertySource] {
        schema.properties.map { PropertySource(name: $0.name, schema: $0.schema, required: schema.required.contains($0.name)) }
    }

    func object(_ sources: [PropertySource], schema: Schema, path: [String]) -> IRObject {
        // Every generated object stores the members its schema does not declare under the first name, and
        // the JSON names it does declare under the second (a static member).
        let reserved = ["additionalProperties", "declaredNames"]
        let swiftNames = SwiftNaming.uniqued(reserved + sources.map { SwiftNaming.memberName($0.name) })
            .dropFirst(reserved.count)
        var properties: [IRProperty] = []
        properties.reserveCapacity(sources.count)
        for (source, swiftName) in zip(sources, swiftNames) {
            let resolved = loader.resolve(source.schema) ?? source.schema
            // What an `allOf: [$ref, {annotations}]` is about constrains the value as a `$ref` would.
            let target = allOfReference(resolved).map { loader.resolve($0.part) ?? $0.part } ?? resolved
            // 3.1 siblings of a `$ref` and annotation-only `allOf` parts annotate the property too.
            let notes = annotationSources(source.schema)
            let (type, nullable) = typeRef(source.schema, context: NameContext(parent: path, suggested: source.name))
            let presence: IRPresence =
                switch (source.required, nullable) {
                case (true, false): .required
                case (true, true): .requiredNullable
                case (false, false): .optional
                case (false, true): .optionalNullable
                }
            // A referenced type documents itself; only an inline schema describes the property.
            let description = source.schema.ref == nil
                ? describing(annotatedDescription(source.schema), keysOf: source.schema) : source.schema.description
            let deprecated = notes.contains(where: \.deprecated) || target.deprecated
            properties.append(
                IRProperty(
                    jsonName: source.name, swiftName: swiftName, type: type, presence: presence,
                    description: description, deprecated: deprecated,
                    deprecationMessage: deprecated
                        ? deprecationMessage(of: notes + [target], description: annotatedDescription(source.schema) ?? target.description) : nil,
                    readOnly: notes.contains(where: \.readOnly) || target.readOnly,
                    writeOnly: notes.contains(where: \.writeOnly) || target.writeOnly,
                    defaultValue: notes.lazy.compactMap(\.defaultValue).first ?? target.defaultValue,
                    constValue: resolved.constValue ?? target.constValue,
                    constraints: resolved.constraints.isEmpty ? target.constraints : resolved.constraints, needsIndirection: false))
        }
        var additional: IRTypeRef?
        if case .schema(let values) = schema.additionalProperties, !sources.isEmpty {
            additional = typeRef(values, context: NameContext(parent: path, suggested: "AdditionalProperty")).type
        }
        return IRObject(properties: properties, additionalProperties: additional)
    }

    func enumeration(_ values: [Literal], schema: Schema) -> IREnum {
        let nonNull = values.filter { $0 != .null }
        let isInteger = !nonNull.isEmpty && schema.nonNullTypes == [.integer] && nonNull.allSatisfy { $0.intValue != nil }
        var seen: Set<String> = []
        let raws = nonNull.compactMap(\.stringValue).filter { seen.insert($0).inserted }
        if raws.count < nonNull.count {
            report(.warning(.enumDuplicate, "enum lists a value twice; the duplicate is ignored", at: schema.location))
        }
        // Cases are static members of an open-enum struct: they must not take the names of its
        // `rawValue` and `allKnownValues`, nor `init` (`.init` in `allKnownValues` is a call).
        let reserved = ["init", "rawValue", "allKnownValues"]
        let names = SwiftNaming.uniqued(reserved + raws.map { raw in
            isInteger ? "value" + raw.replacingOccurrences(of: "-", with: "Minus") : SwiftNaming.memberName(raw)
        }).dropFirst(reserved.count)
        return IREnum(
            rawType: isInteger ? .integer : .string,
            cases: zip(names, raws).map { IREnumCase(swiftName: $0, rawValue: $1) })
    }

    func union(_ schema: Schema, path: [String]) -> IRUnion? {
        let members = (schema.oneOf + schema.anyOf).filter { member in
            let resolved = loader.resolve(member) ?? member
            return resolved.types != [.null]
        }
        var variants: [IRVariant] = []
        for (index, member) in members.enumerated() {
            let resolved = loader.resolve(member) ?? member
            let suggested = resolved.title ?? member.ref?.pointer.lastToken ?? "Variant\(index + 1)"
            let type = typeRef(member, context: NameContext(parent: path, suggested: suggested)).type
            let objectKeys = objectKeys(resolved)
            var discriminatorValues: [String] = []
            if let discriminator = schema.discriminator {
                discriminatorValues = discriminator.mapping.filter { entry in
                    member.ref.map { loader.schema(at: $0) === loader.schema(at: entry.ref) } ?? false
                }.map(\.value)
                if discriminatorValues.isEmpty, let ref = member.ref, let name = api.componentName(of: ref) ?? ref.pointer.lastToken {
                    discriminatorValues = [name]
                }
            }
            variants.append(
                IRVariant(
                    swiftName: caseName(for: type), type: type, requiredKeys: objectKeys.required,
                    knownKeys: objectKeys.known, discriminatorValues: discriminatorValues, needsIndirection: false))
        }
        // A case must not take the name of the fallback case, of the variant table, or of its own payload's
        // type (`_3DsCardsNotSupported`: names that start with a digit have no lower-case form), which it would
        // shadow inside the union.
        let reserved: Set<String> = ["unknown", "variants"]
        let candidates = zip(trimCommonPrefix(variants.map(\.swiftName)), variants).map { name, variant in
            if case .named(let path) = variant.type, path.last == name { return name + "Variant" }
            return reserved.contains(name) ? name + "Variant" : name
        }
        let names = SwiftNaming.uniqued(candidates)
        for index in variants.indices { variants[index].swiftName = names[index] }
        return IRUnion(variants: variants, discriminator: schema.discriminator?.propertyName)
    }

    /// The required and known keys of an object schema, following `allOf`.
    private func objectKeys(_ schema: Schema) -> (required: [String], known: [String]) {
        var visited: Set<ObjectIdentifier> = []
        return objectKeys(schema, visited: &visited)
    }

    /// Each schema is read once: an `allOf` that includes itself (or a schema reached twice)
    /// adds nothing new, and following it again would recurse forever or exponentially.
    private func objectKeys(_ schema: Schema, visited: inout Set<ObjectIdentifier>) -> (required: [String], known: [String]) {
        guard visited.insert(ObjectIdentifier(schema)).inserted else { return ([], []) }
        var required = schema.required
        var known = schema.properties.map(\.name)
        for part in schema.allOf {
            let keys = objectKeys(loader.resolve(part) ?? part, visited: &visited)
            required += keys.required
            known += keys.known
        }
        return (required, known)
    }

    private func caseName(for type: IRTypeRef) -> String {
        switch type {
        case .named(let path): SwiftNaming.memberName(path.last!)
        case .string: "string"
        case .dateTime, .unixTime: "date"
        case .date: "calendarDate"
        case .data: "data"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .json: "json"
        case .array: "array"
        case .map: "object"
        }
    }

    /// `syncRevisionBillingData`, `syncRevisionMarketplaceData` -> `billingData`, `marketplaceData`.
    private func trimCommonPrefix(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        let wordLists = names.map { SwiftNaming.words($0) }
        var common = 0
        while wordLists.allSatisfy({ $0.count > common + 1 && $0[common].lowercased() == wordLists[0][common].lowercased() }) {
            common += 1
        }
        guard common > 0 else { return names }
        return wordLists.map { SwiftNaming.memberName($0.dropFirst(common).joined(separator: "_")) }
    }

    /// `allOf` of objects merges into one object; parts that only annotate add nothing; anything else
    /// is reported and kept as JSON.
    private func allOf(_ schema: Schema, path: [String]) -> IRType.Kind {
        var sources = properties(of: schema)
        var required = Set(schema.required)
        for part in schema.allOf where !isAnnotationOnly(part) {
            guard let resolved = loader.resolve(part) else { continue }
            guard isObjectLike(resolved) else {
                report(.warning(.allOfNonObject, "allOf with a part that is not an object is not supported yet; typed as free-form JSON", at: part.location))
                return .alias(.json)
            }
            let nested = flattenAllOf(resolved)
            required.formUnion(nested.required)
            for source in nested.sources {
                if let index = sources.firstIndex(where: { $0.name == source.name }) {
                    sources[index].schema = source.schema
                } else {
                    sources.append(source)
                }
            }
        }
        for index in sources.indices { sources[index].required = sources[index].required || required.contains(sources[index].name) }
        return .object(object(sources, schema: schema, path: path))
    }

    private func flattenAllOf(_ schema: Schema) -> (sources: [PropertySource], required: Set<String>) {
        var visited: Set<ObjectIdentifier> = []
        return flattenAllOf(schema, depth: 0, visited: &visited)
    }

    /// Each schema is flattened once per call: a part met again (a cycle, or the same part in
    /// several branches) only has properties already collected, and following it again is
    /// exponential in the depth (`A: {allOf: [A, A]}`).
    private func flattenAllOf(
        _ schema: Schema, depth: Int, visited: inout Set<ObjectIdentifier>
    ) -> (sources: [PropertySource], required: Set<String>) {
        visited.insert(ObjectIdentifier(schema))
        var sources = properties(of: schema)
        var required = Set(schema.required)
        guard depth < 32 else { return (sources, required) }
        for part in schema.allOf {
            guard let resolved = loader.resolve(part), !visited.contains(ObjectIdentifier(resolved)) else { continue }
            let nested = flattenAllOf(resolved, depth: depth + 1, visited: &visited)
            required.formUnion(nested.required)
            for source in nested.sources where !sources.contains(where: { $0.name == source.name }) {
                sources.append(source)
            }
        }
        return (sources, required)
    }
}
