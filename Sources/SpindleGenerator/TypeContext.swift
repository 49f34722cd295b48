import SpindleIR
import SpindleOpenAPI

/// Turns IR types into the dictionaries the type templates render.
///
/// Every dictionary carries every key its templates read (false or empty when unused):
/// mustache looks a missing key up in the enclosing context, which would leak a parent's values
/// into a nested type.
struct TypeContextBuilder: Sendable {
    let spelling: SwiftTypeSpelling
    let access: String
    /// Types passed as operation parameters: they must also be `ParameterEncodable`.
    let parameterTypes: Set<[String]>

    func context(for type: IRType) -> [String: Any] {
        var context: [String: Any] = [
            "name": type.name,
            "access": access,
            // `@available(*, deprecated)` on a type would warn wherever other generated code uses it,
            // so deprecation is documented instead; deprecated operations do carry the attribute.
            "docs": docLines(type.description) + (type.deprecated ? (type.description == nil ? [] : [""]) + ["- Warning: Deprecated."] : []),
            "deprecated": false,
            // Filled by the emitter with the nested types already rendered and indented.
            "nested": [String](),
            "isParameter": parameterTypes.contains(type.path),
            "object": false, "enumeration": false, "union": false, "alias": false,
        ]
        switch type.kind {
        case .object(let object): context["object"] = objectContext(object, type: type)
        case .enumeration(let enumeration): context["enumeration"] = enumContext(enumeration, depth: type.path.count)
        case .union(let union): context["union"] = unionContext(union, type: type)
        case .alias(let target): context["alias"] = ["swiftType": spelling.spell(target, in: Array(type.path.dropLast()))]
        }
        return context
    }

    private func objectContext(_ object: IRObject, type: IRType) -> [String: Any] {
        let scope = type.path
        // Synthesized Codable cannot tell an absent key from null, nor read unix timestamps.
        // Boxed (recursive) properties go through their wrapper's storage, so they need it too.
        let needsDecoding = object.properties.contains {
            $0.type.isUnixTime || $0.presence == .optionalNullable || $0.needsIndirection
        }
        let needsEncoding = needsDecoding || object.properties.contains { $0.presence == .requiredNullable }
        let properties: [[String: Any]] = object.properties.enumerated().map { index, property in
            let valueType = spelling.spell(property.type, in: scope)
            let escaped = SwiftNaming.escaped(property.swiftName)
            let swiftType: String
            let defaultArgument: Any
            switch property.presence {
            case .required:
                swiftType = valueType
                defaultArgument = false
            case .requiredNullable, .optional:
                swiftType = valueType + "?"
                defaultArgument = "nil"
            case .optionalNullable:
                swiftType = "OptionalValue<\(valueType)>"
                defaultArgument = ".absent"
            }
            // A property named `self` cannot be an initializer parameter of that name (the body
            // would assign to the parameter), nor be read or assigned without `self.`.
            let isSelf = property.swiftName == "self"
            return [
                "escapedName": escaped,
                "parameterName": isSelf ? "\(escaped) _self" : escaped,
                "argumentName": isSelf ? "_self" : escaped,
                "swiftType": swiftType,
                "indirect": property.needsIndirection,
                "docs": docLines(propertyDocs(property)),
                "deprecated": false,
                "defaultArgument": defaultArgument,
                "isLast": index == object.properties.count - 1,
                "renamed": property.jsonName != property.swiftName,
                "jsonLiteral": swiftStringLiteral(property.jsonName),
                "decodeStatement": (isSelf ? "self." : "") + decodeStatement(property, escaped: escaped, valueType: valueType),
                "encodeStatement": encodeStatement(property, escaped: escaped, value: isSelf ? "self.\(escaped)" : escaped),
            ]
        }
        return [
            "properties": properties,
            "hasProperties": !properties.isEmpty,
            "hasCodingKeys": !properties.isEmpty
                && (needsEncoding || object.properties.contains { $0.jsonName != $0.swiftName }),
            "customDecoding": needsDecoding,
            "customEncoding": needsEncoding,
        ]
    }

    /// The description, plus what Swift cannot say in the type: deprecation, bounds, defaults.
    private func propertyDocs(_ property: IRProperty) -> String? {
        var notes: [String] = []
        if property.deprecated { notes.append("- Warning: Deprecated.") }
        if let value = property.defaultValue?.stringValue { notes.append("Server default: `\(value)`.") }
        if let value = property.constValue?.stringValue { notes.append("Always `\(value)`.") }
        let text = [property.description, notes.isEmpty ? nil : notes.joined(separator: " ")].compactMap { $0 }
        return text.isEmpty ? nil : text.joined(separator: "\n\n")
    }

    private func decodeStatement(_ property: IRProperty, escaped: String, valueType: String) -> String {
        let key = ".\(escaped)"
        if case .unixTime(let unit) = property.type {
            let proxy = unit == .milliseconds ? "UnixMilliseconds" : "UnixSeconds"
            return switch property.presence {
            case .required: "\(escaped) = try container.decode(\(proxy).self, forKey: \(key)).date"
            case .requiredNullable, .optional: "\(escaped) = try container.decodeIfPresent(\(proxy).self, forKey: \(key))?.date"
            case .optionalNullable: "\(escaped) = try container.decodeNullable(\(proxy).self, forKey: \(key)).map(\\.date)"
            }
        }
        return switch property.presence {
        case .required: "\(escaped) = try container.decode(\(valueType).self, forKey: \(key))"
        case .requiredNullable, .optional: "\(escaped) = try container.decodeIfPresent(\(valueType).self, forKey: \(key))"
        case .optionalNullable: "\(escaped) = try container.decodeNullable(\(valueType).self, forKey: \(key))"
        }
    }

    private func encodeStatement(_ property: IRProperty, escaped: String, value stored: String) -> String {
        let key = ".\(escaped)"
        var value = stored
        if case .unixTime(let unit) = property.type {
            let proxy = unit == .milliseconds ? "UnixMilliseconds" : "UnixSeconds"
            value = property.presence == .required ? "\(proxy)(\(stored))" : "\(stored).map(\(proxy).init)"
        }
        return switch property.presence {
        case .required: "try container.encode(\(value), forKey: \(key))"
        case .optionalNullable: "try container.encodeNullable(\(value), forKey: \(key))"
        case .requiredNullable: "try container.encodeAlways(\(value), forKey: \(key))"
        case .optional: "try container.encodeIfPresent(\(value), forKey: \(key))"
        }
    }

    /// `depth` is the type's nesting level (1 for top level): members are indented `4 * depth`.
    private func enumContext(_ enumeration: IREnum, depth: Int) -> [String: Any] {
        let isString = enumeration.rawType == .string
        let indent = 4 * depth
        let known = enumeration.cases.map { "." + $0.swiftName }.joined(separator: ", ")
        let knownLine = "\(access) static let allKnownValues: [Self] = [\(known)]"
        return [
            "isString": isString,
            "rawType": isString ? "String" : "Int",
            "knownInline": indent + knownLine.count <= lineLimit && !enumeration.cases.isEmpty ? known : false,
            "cases": enumeration.cases.map { enumCase -> [String: Any] in
                let escaped = SwiftNaming.escaped(enumCase.swiftName)
                let literal = isString ? swiftStringLiteral(enumCase.rawValue) : enumCase.rawValue
                let line = "\(access) static let \(escaped) = Self(rawValue: \(literal))"
                return [
                    "name": enumCase.swiftName,
                    "escapedName": escaped,
                    "literal": literal,
                    "fits": indent + line.count <= lineLimit,
                ]
            },
        ]
    }

    private func unionContext(_ union: IRUnion, type: IRType) -> [String: Any] {
        func list(_ keys: [String]) -> String { keys.map(swiftStringLiteral).joined(separator: ", ") }
        return [
            "discriminator": union.discriminator.map(swiftStringLiteral) ?? false,
            "variants": union.variants.enumerated().map { index, variant -> [String: Any] in
                [
                    "index": index,
                    "escapedName": SwiftNaming.escaped(variant.swiftName),
                    "swiftType": spelling.spell(variant.type, in: type.path),
                    "indirect": variant.needsIndirection || storesOutOfLine(variant.type),
                    "requiredKeys": list(variant.requiredKeys),
                    "knownKeys": list(variant.knownKeys),
                    "hasDiscriminatorValues": !variant.discriminatorValues.isEmpty,
                    "discriminatorValues": variant.discriminatorValues.map(swiftStringLiteral).joined(separator: ", "),
                ]
            },
        ]
    }
}

extension TypeContextBuilder {
    /// Whether a union variant with this payload is an `indirect` case although no cycle requires it:
    /// payloads that are generated structs or unions. Stripe's expandable fields are unions of an ID
    /// and a whole API object; stored inline, each union embedded the object's entire graph by value
    /// (over 4,000 flattened fields for some types), which was most of the generated module's build
    /// time (code to copy, destroy and lay out those values) and made every copy of such a value large.
    /// Boxed, a decoded object costs one allocation.
    func storesOutOfLine(_ payload: IRTypeRef) -> Bool {
        guard case .named(let path) = payload, let target = spelling.lookup(path) else { return false }
        switch target.kind {
        case .object, .union: return true
        default: return false
        }
    }
}

extension IRTypeRef {
    var isUnixTime: Bool {
        if case .unixTime = self { return true }
        return false
    }
}
