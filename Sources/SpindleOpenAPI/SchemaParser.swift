import SpindleYAML

/// Reads one schema object (and, through the loader, its subschemas) into a ``Schema``.
struct SchemaParser {
    let loader: SpecLoader
    let origin: Reference

    private static let knownTypes = Set(JSONType.allCases.map(\.rawValue))

    func parse(_ node: YAMLNode) -> Schema {
        let reader = loader.reader

        // OpenAPI 3.1 allows boolean schemas: `true` accepts anything, `false` nothing.
        if node.kind == .scalar, let flag = node.bool {
            if !flag {
                loader.report(.warning(.falseSchema, "the schema 'false' accepts no value; treated as free-form", at: node.location))
            }
            return empty(node)
        }
        guard node.kind == .mapping else {
            loader.report(.error("a schema must be a mapping", at: node.location))
            return empty(node)
        }

        let keys = SchemaKeys(node)
        var ref: Reference?
        if let refNode = keys[.ref], let text = reader.string(refNode, "$ref") {
            ref = loader.reference(text, in: origin.file, at: refNode.location)
        }

        func readType(_ nameNode: YAMLNode) -> JSONType? {
            // Matched on bytes: making a string of every `type` and looking it up cost a tenth of reading schemas.
            if let type = JSONType(matching: nameNode) { return type }
            if let name = reader.string(nameNode, "type") {
                loader.report(.error("unknown type '\(name)'; expected one of \(Self.knownTypes.sorted().joined(separator: ", "))", at: nameNode.location))
            }
            return nil
        }
        // Built at their exact size (an array literal for the usual single type): appending to an empty
        // array over-allocates, and there is a list per schema.
        var types: [JSONType] = []
        if let typeNode = keys[.type] {
            if typeNode.kind == .sequence {
                types = (0..<typeNode.count).compactMap { readType(typeNode.element(at: $0)) }
            } else if let type = readType(typeNode) {
                types = [type]
            }
        }

        for keyword in SchemaKeys.Keyword.unsupported {
            if let keyNode = keys.keyNode(for: keyword) {
                loader.report(.warning(.unsupportedKeyword, "'\(keyword.spelling)' is not supported yet; ignored", at: keyNode.location))
            }
        }

        var properties: [(name: String, schema: Schema)] = []
        if var propertiesNode = reader.mapping(keys[.properties], "properties") {
            var file = origin.file
            var base = origin.pointer.appending("properties")
            // `properties: {$ref: 'attributes.yml#/droplet_ids'}`: not OpenAPI (a property map is no schema), but
            // split specs such as DigitalOcean's write it, meaning the map found there.
            if propertiesNode.count == 1, propertiesNode.entry(at: 0).key.scalar == "$ref",
                let resolved = loader.resolvedNode(propertiesNode, in: file, pointer: base)
            {
                propertiesNode = resolved.node
                file = resolved.file
                base = resolved.pointer
            }
            properties.reserveCapacity(propertiesNode.count)
            for position in 0..<propertiesNode.count {
                let (key, value) = propertiesNode.entry(at: position)
                guard let name = reader.string(key, "property name") else { continue }
                let childOrigin = Reference(file: file, pointer: base.appending(name), location: value.location)
                properties.append((name, loader.schema(value, origin: childOrigin)))
            }
        }

        var additional = AdditionalProperties.unspecified
        if let additionalNode = keys[.additionalProperties] {
            if let flag = additionalNode.bool {
                additional = .allowed(flag)
            } else if additionalNode.kind == .mapping {
                additional = .schema(child(additionalNode, origin.pointer.appending("additionalProperties")))
            } else {
                loader.report(.error("'additionalProperties' must be a boolean or a schema", at: additionalNode.location))
            }
        }

        let items = keys[.items].map { child($0, origin.pointer.appending("items")) }
        // Read whole (it may be a `$ref`); the IR decides whether it narrows the keys.
        let propertyNames = keys[.propertyNames].map { child($0, origin.pointer.appending("propertyNames")) }

        func list(_ keyword: SchemaKeys.Keyword) -> [Schema] {
            guard let sequence = reader.sequenceNode(keys[keyword], keyword.spelling) else { return [] }
            let base = origin.pointer.appending(keyword.spelling)
            var schemas: [Schema] = []
            schemas.reserveCapacity(sequence.count)
            for index in 0..<sequence.count {
                schemas.append(child(sequence.element(at: index), base.appending(String(index))))
            }
            return schemas
        }

        var discriminator: Discriminator?
        if let discriminatorNode = reader.mapping(keys[.discriminator], "discriminator"),
            let propertyName = reader.string(discriminatorNode["propertyName"], "discriminator.propertyName")
        {
            var mapping: [(value: String, ref: Reference)] = []
            if let mappingNode = reader.mapping(discriminatorNode["mapping"], "discriminator.mapping") {
                for (key, value) in mappingNode.entries {
                    guard let name = key.scalar, let text = reader.string(value, "discriminator.mapping") else { continue }
                    // A bare name in a mapping means a component schema of that name.
                    let refText = text.contains("#") || text.contains("/") ? text : "#/components/schemas/\(text)"
                    if let target = loader.reference(refText, in: origin.file, at: value.location) {
                        mapping.append((name, target))
                    }
                }
            }
            discriminator = Discriminator(propertyName: propertyName, mapping: mapping)
        }

        var constraints = Constraints()
        if keys.hasConstraints {
            constraints.minimum = reader.double(keys[.minimum], "minimum")
            constraints.maximum = reader.double(keys[.maximum], "maximum")
            // 3.0 writes exclusiveMinimum as a flag on minimum; 3.1 as a number of its own.
            if let exclusive = keys[.exclusiveMinimum] {
                if let flag = exclusive.bool {
                    if flag { constraints.exclusiveMinimum = constraints.minimum; constraints.minimum = nil }
                } else {
                    constraints.exclusiveMinimum = reader.double(exclusive, "exclusiveMinimum")
                }
            }
            if let exclusive = keys[.exclusiveMaximum] {
                if let flag = exclusive.bool {
                    if flag { constraints.exclusiveMaximum = constraints.maximum; constraints.maximum = nil }
                } else {
                    constraints.exclusiveMaximum = reader.double(exclusive, "exclusiveMaximum")
                }
            }
            constraints.multipleOf = reader.double(keys[.multipleOf], "multipleOf")
            constraints.minLength = reader.int(keys[.minLength], "minLength")
            constraints.maxLength = reader.int(keys[.maxLength], "maxLength")
            constraints.pattern = reader.string(keys[.pattern], "pattern")
            constraints.minItems = reader.int(keys[.minItems], "minItems")
            constraints.maxItems = reader.int(keys[.maxItems], "maxItems")
            constraints.uniqueItems = reader.bool(keys[.uniqueItems], "uniqueItems") ?? false
            constraints.minProperties = reader.int(keys[.minProperties], "minProperties")
            constraints.maxProperties = reader.int(keys[.maxProperties], "maxProperties")
        }

        var enumValues: [Literal]?
        if let enumNode = keys[.enumValues] {
            if enumNode.kind == .sequence {
                enumValues = (0..<enumNode.count).map { Literal(node: enumNode.element(at: $0)) }
            } else {
                loader.report(.error("'enum' must be a sequence", at: enumNode.location))
            }
        }

        return Schema(
            origin: origin, ref: ref, types: types,
            nullable: reader.bool(keys[.nullable], "nullable") ?? false,
            format: reader.string(keys[.format], "format"),
            title: reader.string(keys[.title], "title"),
            descriptionNode: reader.scalar(keys[.description], "description"),
            deprecated: reader.bool(keys[.deprecated], "deprecated") ?? false,
            readOnly: reader.bool(keys[.readOnly], "readOnly") ?? false,
            writeOnly: reader.bool(keys[.writeOnly], "writeOnly") ?? false,
            enumValues: enumValues,
            constValue: keys[.constValue].map(Literal.init(node:)),
            defaultValue: keys[.defaultValue].map(Literal.init(node:)),
            properties: properties,
            required: reader.strings(keys[.required], "required"),
            additionalProperties: additional,
            items: items,
            oneOf: list(.oneOf), anyOf: list(.anyOf), allOf: list(.allOf),
            discriminator: discriminator, propertyNames: propertyNames, constraints: constraints,
            extensions: keys.hasExtensions ? node.extensions : [:], node: node
        )
    }

    private func child(_ node: YAMLNode, _ pointer: JSONPointer) -> Schema {
        let childOrigin = Reference(file: origin.file, pointer: pointer, location: node.location)
        return loader.schema(node, origin: childOrigin)
    }

    private func empty(_ node: YAMLNode) -> Schema {
        Schema(
            origin: origin, ref: nil, types: [], nullable: false, format: nil,
            title: nil, descriptionNode: nil, deprecated: false, readOnly: false, writeOnly: false,
            enumValues: nil, constValue: nil, defaultValue: nil, properties: [], required: [],
            additionalProperties: .unspecified, items: nil, oneOf: [], anyOf: [], allOf: [],
            discriminator: nil, constraints: Constraints(), extensions: [:], node: node
        )
    }
}
