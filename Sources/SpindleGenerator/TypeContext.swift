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
    /// The equality protocol generated types conform to: `Hashable` or `Equatable`.
    let equality: String
    /// Types passed as operation parameters: they must also be `ParameterEncodable`.
    let parameterTypes: Set<[String]>
    /// Which properties are boxed.
    let layout: StorageLayout

    func context(for type: IRType) -> [String: Any] {
        let declaredName = spelling.declared(type.path).last ?? type.name
        var docs = docLines(type.description)
        if type.deprecated {
            // Generated code names the declaration, so that only the app's uses of the deprecated name warn
            // (``DeprecatedTypeNames``).
            docs += (docs.isEmpty ? [] : [""])
                + docLines(
                    "Declares `\(type.name)`, which is deprecated; generated code uses this name, so that only the app's uses of "
                        + "`\(type.name)` warn.")
        }
        var context: [String: Any] = [
            "name": declaredName,
            "access": access,
            "equality": equality,
            "docs": docs,
            // Filled by the emitter with the nested types already rendered and indented.
            "nested": [String](),
            "isParameter": parameterTypes.contains(type.path),
            "object": false, "enumeration": false, "union": false, "alias": false, "wrapper": false, "multipartForm": false,
            "deprecatedAlias": type.deprecated
                ? deprecatedAlias(
                    name: type.name, declaredName: declaredName,
                    docs: docLines(type.description) + (type.description == nil ? [] : [""]) + ["- Warning: Deprecated."],
                    attribute: DeprecationAttribute.text(message: type.deprecationMessage, indent: 4 * (type.path.count - 1), templateIndent: 0))
                : false,
        ]
        switch type.kind {
        case .object(let object): context["object"] = objectContext(object, type: type)
        case .enumeration(let enumeration): context["enumeration"] = enumContext(enumeration, depth: type.path.count)
        case .union(let union): context["union"] = unionContext(union, type: type)
        case .alias(let target): context["alias"] = ["swiftType": spelling.spell(target, in: Array(type.path.dropLast()))]
        case .wrapper(let target):
            // A wrapper on a cycle of aliases that holds another wrapper directly would contain itself.
            context["wrapper"] = ["swiftType": spelling.spell(target, in: type.path), "indirect": target.directNamedKey != nil]
            let docs = context["docs"] as? [String] ?? []
            context["docs"] = docs + (docs.isEmpty ? [] : [""]) + [
                "A struct rather than a `typealias`: the type holds values of itself, which an alias cannot name.",
                "It is coded as its `value`.",
            ]
        case .multipartForm(let form): context["multipartForm"] = formContext(form, type: type)
        }
        return context
    }

    /// The context of a previous name kept for a renamed type: only the deprecated alias.
    func context(for rename: RenamedType) -> [String: Any] {
        [
            "object": false, "enumeration": false, "union": false, "alias": false, "nested": [String](),
            "deprecatedAlias": deprecatedAlias(
                name: rename.oldName, declaredName: spelling.spell(.named([rename.newName])),
                docs: docLines(
                    "The name `\(rename.newName)` had before the spec renamed it, kept so that code written against the "
                        + "earlier version compiles."),
                attribute: DeprecationAttribute.renamed(to: rename.newName)),
        ]
    }

    /// A deprecated `typealias name = declaredName`, as `type.mustache` renders it after a declaration.
    private func deprecatedAlias(name: String, declaredName: String, docs: [String], attribute: String) -> [String: Any] {
        ["aliasDocs": docs, "availability": attribute, "access": access, "aliasName": name, "declaredName": declaredName]
    }

    private func objectContext(_ object: IRObject, type: IRType) -> [String: Any] {
        let scope = type.path
        let properties: [PropertyContext] = object.properties.map { property in
            let valueType = spelling.spell(property.type, in: scope)
            let escaped = SwiftNaming.escaped(property.swiftName)
            let swiftType: String
            let defaultArgument: String?
            switch property.presence {
            case .required:
                swiftType = valueType
                defaultArgument = nil
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
            let jsonLiteral = swiftStringLiteral(property.jsonName)
            // A deprecated property is computed over storage of another name, which generated code uses.
            let stored = SwiftNaming.escaped(property.storedName)
            return PropertyContext(
                escapedName: escaped,
                storedName: stored,
                availability: property.deprecated
                    ? DeprecationAttribute.text(message: property.deprecationMessage, indent: 4 * scope.count, templateIndent: 4) : nil,
                parameterName: isSelf ? "\(escaped) _self" : escaped,
                argumentName: isSelf ? "_self" : escaped,
                swiftType: swiftType,
                wrapper: property.type.timestampFormat != nil
                    ? Self.timestampWrapper(for: property.presence)
                    : layout.storesOutOfLine(property) ? StorageLayout.wrapper(for: property.presence) : nil,
                docs: docLines(propertyDocs(property)),
                defaultArgument: defaultArgument,
                jsonLiteral: jsonLiteral,
                // Stored properties are always spelled `self.x`: a property may be named like a local of the
                // generated bodies (`container`, `decoder`, `encoder`).
                decodeStatement: decodeStatement(property, escaped: stored, valueType: valueType, key: jsonLiteral)
                    .wrapped(indent: 4 * scope.count + 4),
                encodeStatement: encodeStatement(property, escaped: stored, key: jsonLiteral)
                    .wrapped(indent: 4 * scope.count + 4)
            )
        }
        // On one line when it fits, as swift-format lays a collection literal out.
        let jsonNames = stringLiterals(object.properties.map(\.jsonName))
        let namesLine = "\(access) static let declaredNames: Set<String> = [\(jsonNames)]"
        return [
            "properties": properties,
            "hasProperties": !properties.isEmpty,
            "declaredNamesInline": 4 * scope.count + namesLine.count <= lineLimit ? jsonNames : false,
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

    /// `key` is the JSON name as a Swift string literal: generated objects are coded with ``ObjectKey``.
    /// Timestamps are decoded into their wrapper's storage (`_name`), which keeps how the server wrote them.
    private func decodeStatement(_ property: IRProperty, escaped: String, valueType: String, key: String) -> CallStatement {
        if let format = property.type.timestampFormat {
            let method = switch property.presence {
            case .required: "decodeTimestamp"
            case .requiredNullable: "decodeRequiredNullableTimestamp"
            case .optional: "decodeTimestampIfPresent"
            case .optionalNullable: "decodeNullableTimestamp"
            }
            return CallStatement("self.\(Self.storage(escaped)) = try container.\(method)", [format, "forKey: \(key)"])
        }
        let target = "self.\(escaped) = try container."
        let arguments = ["\(valueType).self", "forKey: \(key)"]
        return switch property.presence {
        case .required: CallStatement(target + "decode", arguments)
        case .requiredNullable: CallStatement(target + "decodeRequiredNullable", arguments)
        case .optional: CallStatement(target + "decodeIfPresent", arguments)
        case .optionalNullable: CallStatement(target + "decodeNullable", arguments)
        }
    }

    private func encodeStatement(_ property: IRProperty, escaped: String, key: String) -> CallStatement {
        if let format = property.type.timestampFormat {
            let method = switch property.presence {
            case .required: "encodeTimestamp"
            case .requiredNullable: "encodeRequiredNullableTimestamp"
            case .optional: "encodeTimestampIfPresent"
            case .optionalNullable: "encodeNullableTimestamp"
            }
            let arguments = ["self.\(Self.storage(escaped))", "as: \(format)", "forKey: \(key)"]
            return CallStatement("try container.\(method)", arguments)
        }
        let method = switch property.presence {
        case .required: "encode"
        case .optionalNullable: "encodeNullable"
        case .requiredNullable: "encodeAlways"
        case .optional: "encodeIfPresent"
        }
        return CallStatement("try container.\(method)", ["self.\(escaped)", "forKey: \(key)"])
    }

    /// The property wrapper that keeps a timestamp's wire form, for its presence.
    private static func timestampWrapper(for presence: IRPresence) -> String {
        switch presence {
        case .required: "WireDate"
        case .optional, .requiredNullable: "WireDateOptional"
        case .optionalNullable: "WireDateOptionalValue"
        }
    }

    /// The storage a property wrapper gives `escaped`: `_createdAt` (`` `default` `` has `_default`).
    private static func storage(_ escaped: String) -> String {
        "_" + escaped.filter { $0 != "`" }
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
                // Computed, not `static let`: a stored static is a global with a lazy initializer and an accessor each,
                // and Stripe's 13,000 enum cases made them a large part of its module's compiled code (issue #16).
                let line = "\(access) static var \(escaped): Self { Self(rawValue: \(literal)) }"
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
        return [
            "discriminator": union.discriminator.map(swiftStringLiteral) ?? false,
            "variants": union.variants.enumerated().map { index, variant -> [String: Any] in
                [
                    "index": index,
                    "escapedName": SwiftNaming.escaped(variant.swiftName),
                    "swiftType": spelling.spell(variant.type, in: type.path),
                    "indirect": variant.needsIndirection || storesOutOfLine(variant.type),
                    "requiredKeys": stringLiterals(variant.requiredKeys),
                    "knownKeys": knownKeys(of: variant, in: type.path),
                    "hasDiscriminatorValues": !variant.discriminatorValues.isEmpty,
                    "discriminatorValues": stringLiterals(variant.discriminatorValues),
                ]
            },
        ]
    }
}

extension TypeContextBuilder {
    /// The known keys of a union variant as Swift: the variant object's own `declaredNames` when they are the
    /// same keys, else a literal list. Referring to the object keeps its keys in one place: a spec bump that
    /// adds a property to Stripe's `customer` changed 21 files that copied its keys into unions, and each
    /// of them, with what depends on it, was rebuilt.
    func knownKeys(of variant: IRVariant, in scope: [String]) -> String {
        let literal = "[" + stringLiterals(variant.knownKeys) + "]"
        guard case .named(let path) = variant.type, let target = spelling.lookup(path),
            case .object(let object) = target.kind, !object.properties.isEmpty,
            Set(object.properties.map(\.jsonName)) == Set(variant.knownKeys)
        else { return literal }
        return spelling.spell(variant.type, in: scope) + ".declaredNames"
    }

    /// `"a", "b"`: the elements of a collection literal of these strings.
    func stringLiterals(_ strings: [String]) -> String {
        strings.map(swiftStringLiteral).joined(separator: ", ")
    }

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
    /// The `TimestampFormat` of a timestamp property as Swift (`.rfc3339`, `.unixMilliseconds(.int64)`), or nil
    /// for other types.
    var timestampFormat: String? {
        switch self {
        case .dateTime: ".rfc3339"
        case .unixTime(let unit, let number):
            (unit == .milliseconds ? ".unixMilliseconds" : ".unixSeconds") + "(.\(number.rawValue))"
        default: nil
        }
    }
}

/// A statement that is one call, `callee(arguments)suffix`, laid out as swift-format lays it out so that
/// generated code passes `swift format lint`: on one line when it fits, else the arguments on the next line,
/// else one argument per line.
struct CallStatement {
    var callee: String
    var arguments: [String]
    var suffix = ""

    init(_ callee: String, _ arguments: [String], suffix: String = "") {
        self.callee = callee
        self.arguments = arguments
        self.suffix = suffix
    }

    /// The text for a statement that starts at column `indent` of the output. It is rendered into a template
    /// line at column `templateIndent` (nested types are indented afterwards), so continuation lines carry that
    /// indentation plus one level themselves.
    func wrapped(indent: Int, templateIndent: Int = 8) -> String {
        let single = "\(callee)(\(arguments.joined(separator: ", ")))\(suffix)"
        if indent + single.count <= lineLimit { return single }
        let continuation = "\n" + String(repeating: " ", count: templateIndent + 4)
        let packed = "\(arguments.joined(separator: ", ")))\(suffix)"
        if indent + 4 + packed.count <= lineLimit { return "\(callee)(" + continuation + packed }
        return "\(callee)(" + continuation + arguments.joined(separator: "," + continuation) + ")\(suffix)"
    }
}
