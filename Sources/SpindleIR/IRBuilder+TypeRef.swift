import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The type of a value described by `schema`, and whether `null` is allowed.
    func typeRef(_ schema: Schema, context: NameContext) -> (type: IRTypeRef, nullable: Bool) {
        var nullable = schema.allowsNull
        if let ref = schema.ref {
            // A component's type cannot hold its `null`; the reference carries it.
            if let component = api.componentName(of: ref) {
                return (.named(componentType(component)), nullable || admitsNull(schema))
            }
            guard let target = loader.resolve(schema) else { return (.json, nullable) }
            if let component = api.componentName(of: target.origin) {
                return (.named(componentType(component)), nullable || admitsNull(target))
            }
            // No component type breaks a cycle of inline schemas: typing it would never end.
            guard followedReferences.insert(ObjectIdentifier(target)).inserted else {
                report(.warning(.inlineCycle, "reference '\(ref.text)' leads back to a schema that contains it through inline schemas only; typed as free-form JSON", at: ref.location))
                return (.json, nullable)
            }
            defer { followedReferences.remove(ObjectIdentifier(target)) }
            let resolved = typeRef(target, context: context.child(ref.pointer.lastToken ?? context.suggested))
            return (resolved.type, nullable || resolved.nullable)
        }

        // Checked wherever a map is typed, documented or not (an array of maps has no docs).
        if schema.propertyNames != nil { _ = keyConstraintNote(schema) }
        if let values = schema.enumValues {
            let nonNull = values.filter { $0 != .null }
            if nonNull.isEmpty { return (.json, true) }
            if enumIsRepresentable(schema) {
                return (.named(namedType(for: schema, context: context)), nullable)
            }
            // `type: number` or `boolean` (or an integer enum with non-integers), or an untyped
            // enum of numbers or booleans: a string enum could not decode those JSON values, so
            // the value keeps its plain type. Values of several kinds are free-form JSON.
            var types = schema.nonNullTypes
            if types.isEmpty, nonNull.allSatisfy({ if case .plain = $0 { true } else { false } }) {
                if nonNull.allSatisfy({ $0.intValue != nil }) {
                    types = [.integer]
                } else if nonNull.allSatisfy(\.isNumber) {
                    types = [.number]
                } else if nonNull.allSatisfy({ $0.boolValue != nil }) {
                    types = [.boolean]
                }
            }
            guard !types.isEmpty, types != [.string], nonNull.allSatisfy({ $0.stringValue != nil }) else {
                report(.warning(.enumType, "enum values are not all strings; typed as free-form JSON", at: schema.location))
                return (.json, nullable)
            }
            let typeNames = types.map(\.rawValue).joined(separator: ", ")
            report(.warning(.enumType, "enum of \(typeNames) values is typed as plain \(typeNames); only string and integer enums become enum types", at: schema.location))
            if schema.nonNullTypes.isEmpty {
                switch types {
                case [.integer]: return (.integer(bits: nil), nullable)
                case [.number]: return (.number(isFloat: false), nullable)
                default: return (.boolean, nullable)
                }
            }
        }

        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            return unionRef(schema, context: context)
        }
        if !schema.allOf.isEmpty {
            nullable = nullable || allOfAdmitsNull(schema)
            if let reference = allOfReference(schema) {
                let inner = typeRef(reference.part, context: context)
                return (inner.type, nullable || inner.nullable)
            }
            return (.named(namedType(for: schema, context: context)), nullable)
        }

        let types = schema.nonNullTypes
        if types.count > 1 {
            report(.warning(.mixedTypes, "values of several types (\(types.map(\.rawValue).joined(separator: ", "))) are typed as free-form JSON", at: schema.location))
            return (.json, nullable)
        }
        switch types.first {
        case nil:
            if !schema.properties.isEmpty { return (.named(namedType(for: schema, context: context)), nullable) }
            if let items = schema.items { return (container(schema, .array, of: items, context: context), nullable) }
            if case .schema(let values) = schema.additionalProperties {
                return (container(schema, .map, of: values, context: context), nullable)
            }
            if let constant = schema.constValue, constant.stringValue != nil { return (.string, nullable) }
            return (.json, nullable)
        case .object:
            if !schema.properties.isEmpty { return (.named(namedType(for: schema, context: context)), nullable) }
            if case .schema(let values) = schema.additionalProperties {
                return (container(schema, .map, of: values, context: context), nullable)
            }
            return (container(schema, .map, of: nil, context: context), nullable)
        case .array:
            return (container(schema, .array, of: schema.items, context: context), nullable)
        case .string:
            return (stringType(schema), nullable)
        case .integer, .number:
            if let unit = unixTimeUnit(schema) {
                let number: IRTypeRef.UnixTimeNumber =
                    types.first != .integer ? .number : schema.format == "int32" ? .int32 : .int64
                return (.unixTime(unit, number), nullable)
            }
            if types.first == .integer {
                switch schema.format {
                case "int32": return (.integer(bits: 32), nullable)
                case "int64": return (.integer(bits: 64), nullable)
                default: return (.integer(bits: nil), nullable)
                }
            }
            return (.number(isFloat: schema.format == "float"), nullable)
        case .boolean:
            return (.boolean, nullable)
        case .null:
            nullable = true
            return (.json, nullable)
        }
    }

    /// Whether an enum's values make a generated open enum: strings (any scalar of a `string`
    /// schema, quoted or non-numeric scalars of an untyped one) or integers of an `integer`
    /// schema. Numbers, booleans and mixed values would not decode into a string enum.
    func enumIsRepresentable(_ schema: Schema) -> Bool {
        let values = (schema.enumValues ?? []).filter { $0 != .null }
        switch schema.nonNullTypes {
        case [.string]:
            return values.allSatisfy { $0.stringValue != nil }
        case [.integer]:
            return values.allSatisfy { $0.intValue != nil }
        case []:
            return values.allSatisfy { value in
                switch value {
                case .string: true
                case .plain: !value.isNumber && value.boolValue == nil
                default: false
                }
            }
        default:
            return false
        }
    }

    /// Whether the schema a reference leads to allows `null`: through `nullable`, a `null` type or
    /// enum value, or a `null` member of its `oneOf`/`anyOf`.
    ///
    /// Through an `allOf`, too: a `{nullable: true}` part, or the null of the one type an alias
    /// built from `allOf: [$ref]` stands for (as if `nullable` were on the referenced schema).
    private func admitsNull(_ schema: Schema, depth: Int = 0) -> Bool {
        guard let resolved = loader.resolve(schema) else { return false }
        if resolved.allowsNull || unionShape(resolved).hasNull || allOfAdmitsNull(resolved) { return true }
        guard depth < 32, let reference = allOfReference(resolved), !isObjectLike(reference.part) else { return false }
        return reference.part.allowsNull || admitsNull(reference.part, depth: depth + 1)
    }

    private func stringType(_ schema: Schema) -> IRTypeRef {
        switch schema.format {
        case "date-time": .dateTime
        case "date": .date
        case "byte", "binary": .data
        default: .string
        }
    }

    /// `x-spindle-timestamp: unix-milliseconds` (or `unix-seconds`) on a number schema.
    private func unixTimeUnit(_ schema: Schema) -> IRTypeRef.UnixTimeUnit? {
        guard let node = schema.extensions["x-spindle-timestamp"] else { return nil }
        switch node.scalar {
        case "unix-milliseconds": return .milliseconds
        case "unix-seconds": return .seconds
        default:
            report(.warning(.spindleExtension, "x-spindle-timestamp must be 'unix-milliseconds' or 'unix-seconds'; ignored", at: node.location))
            return nil
        }
    }

    /// `oneOf`/`anyOf`: collapsed when the variants carry no information, a union type otherwise.
    private func unionRef(_ schema: Schema, context: NameContext) -> (type: IRTypeRef, nullable: Bool) {
        let shape = unionShape(schema)
        let nullable = schema.allowsNull || shape.hasNull
        if shape.variants.isEmpty { return (.json, true) }
        if shape.variants.count == 1 {
            let inner = typeRef(shape.variants[0], context: context)
            return (inner.type, nullable || inner.nullable)
        }
        if let primitive = shape.primitive { return (primitive, nullable) }
        return (.named(namedType(for: schema, context: context)), nullable)
    }

    /// The non-null variants of a `oneOf`/`anyOf`, whether a `null` variant was among them, and
    /// the primitive all variants are when they carry no more than it (Stigg's couponId: a
    /// patterned string or the enum ['']). A union with fewer than two variants, or with a
    /// primitive, is not a union type of its own.
    func unionShape(_ schema: Schema) -> (variants: [Schema], hasNull: Bool, primitive: IRTypeRef?) {
        var hasNull = false
        var variants: [Schema] = []
        for variant in schema.oneOf + schema.anyOf {
            let resolved = loader.resolve(variant) ?? variant
            if resolved.types == [.null] || (resolved.enumValues.map { $0.allSatisfy { $0 == .null } } ?? false) {
                hasNull = true
            } else {
                variants.append(variant)
            }
        }
        guard variants.count > 1 else { return (variants, hasNull, nil) }
        let primitives = variants.map { variant -> IRTypeRef? in
            let resolved = loader.resolve(variant) ?? variant
            guard resolved.properties.isEmpty, resolved.oneOf.isEmpty, resolved.anyOf.isEmpty, resolved.allOf.isEmpty,
                resolved.nonNullTypes.count == 1
            else { return nil }
            switch resolved.nonNullTypes[0] {
            case .string: return resolved.enumValues == nil ? stringType(resolved) : .string
            case .integer: return .integer(bits: nil)
            case .number: return .number(isFloat: false)
            case .boolean: return .boolean
            default: return nil
            }
        }
        guard let first = primitives.first ?? nil, primitives.allSatisfy({ $0 == first }) else { return (variants, hasNull, nil) }
        return (variants, hasNull, first)
    }
}
