import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The type of a value described by `schema`, and whether `null` is allowed.
    func typeRef(_ schema: Schema, context: NameContext) -> (type: IRTypeRef, nullable: Bool) {
        var nullable = schema.allowsNull
        if let ref = schema.ref {
            if let component = api.componentName(of: ref) {
                return (.named(componentType(component)), nullable)
            }
            guard let target = loader.resolve(schema) else { return (.json, nullable) }
            if let component = api.componentName(of: target.origin) {
                return (.named(componentType(component)), nullable)
            }
            let resolved = typeRef(target, context: context.child(ref.pointer.lastToken ?? context.suggested))
            return (resolved.type, nullable || resolved.nullable)
        }

        if let values = schema.enumValues {
            let nonNull = values.filter { $0 != .null }
            if nonNull.isEmpty { return (.json, true) }
            if nonNull.allSatisfy({ $0.stringValue != nil }) {
                return (.named(namedType(for: schema, context: context)), nullable)
            }
            report(.warning("enum mixes strings with other kinds of values; typed as free-form JSON", at: schema.location))
            return (.json, nullable)
        }

        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            return unionRef(schema, context: context)
        }
        if !schema.allOf.isEmpty {
            let parts = schema.allOf
            // `allOf: [$ref]` is how 3.0 documents attach a description or nullable to a reference.
            if parts.count == 1 && schema.properties.isEmpty {
                let inner = typeRef(parts[0], context: context)
                return (inner.type, nullable || inner.nullable)
            }
            return (.named(namedType(for: schema, context: context)), nullable)
        }

        let types = schema.nonNullTypes
        if types.count > 1 {
            report(.warning("values of several types (\(types.map(\.rawValue).joined(separator: ", "))) are typed as free-form JSON", at: schema.location))
            return (.json, nullable)
        }
        switch types.first {
        case nil:
            if !schema.properties.isEmpty { return (.named(namedType(for: schema, context: context)), nullable) }
            if let items = schema.items { return (.array(typeRef(items, context: context.child(SwiftNaming.singular(context.suggested))).type), nullable) }
            if case .schema(let values) = schema.additionalProperties {
                return (.map(typeRef(values, context: context.child(context.suggested + "Value")).type), nullable)
            }
            if let constant = schema.constValue, constant.stringValue != nil { return (.string, nullable) }
            return (.json, nullable)
        case .object:
            if !schema.properties.isEmpty { return (.named(namedType(for: schema, context: context)), nullable) }
            if case .schema(let values) = schema.additionalProperties {
                return (.map(typeRef(values, context: context.child(context.suggested + "Value")).type), nullable)
            }
            return (.map(.json), nullable)
        case .array:
            guard let items = schema.items else { return (.array(.json), nullable) }
            let element = typeRef(items, context: context.child(SwiftNaming.singular(context.suggested)))
            return (.array(element.type), nullable)
        case .string:
            return (stringType(schema), nullable)
        case .integer, .number:
            if let unit = unixTimeUnit(schema) { return (.unixTime(unit), nullable) }
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
            report(.warning("x-spindle-timestamp must be 'unix-milliseconds' or 'unix-seconds'; ignored", at: node.location))
            return nil
        }
    }

    /// `oneOf`/`anyOf`: collapsed when the variants carry no information, a union type otherwise.
    private func unionRef(_ schema: Schema, context: NameContext) -> (type: IRTypeRef, nullable: Bool) {
        var nullable = schema.allowsNull
        var variants: [Schema] = []
        for variant in schema.oneOf + schema.anyOf {
            let resolved = loader.resolve(variant) ?? variant
            if resolved.types == [.null] || (resolved.enumValues.map { $0.allSatisfy { $0 == .null } } ?? false) {
                nullable = true
            } else {
                variants.append(variant)
            }
        }
        if variants.isEmpty { return (.json, true) }
        if variants.count == 1 {
            let inner = typeRef(variants[0], context: context)
            return (inner.type, nullable || inner.nullable)
        }
        // Variants that are all the same primitive (Stigg's couponId: a patterned string or the
        // enum ['']) are just that primitive.
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
        if let first = primitives.first ?? nil, primitives.allSatisfy({ $0 == first }) {
            return (first, nullable)
        }
        return (.named(namedType(for: schema, context: context)), nullable)
    }
}
