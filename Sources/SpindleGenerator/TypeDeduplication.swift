import SpindleIR
import SpindleOpenAPI

/// Declares each repeated inline shape once: a type generated from an inline schema whose
/// declaration would be the same as another type's becomes a `typealias` of that type.
///
/// Large specs restate their inline shapes: of Stripe's 3,032 types, 1,087 repeat another one (79
/// `metadata` objects, 53 `created` filters, request bodies that two endpoints share). Every
/// declared type costs the compiler its value witnesses, metadata, conformances and Codable bodies,
/// however small it is, so the repeats were about a third of the module's build. Names do not
/// change: code that names `AccountsUpdateRequest.Metadata` compiles whichever type it aliases, and
/// the API surface (and `spindle diff`) still records each type with its own shape.
///
/// Two types are the same when everything their declarations render is: property and case names,
/// JSON keys, presence, documentation, defaults, constraints, and the types they refer to, compared
/// the same way (coarsest partition refinement, so recursive shapes compare too). Only the name,
/// the type's own description and where it was written may differ. Types the spec names itself
/// (`components`) never become aliases: they are concepts of the API, which an app may extend.
struct TypeDeduplication: Sendable {
    /// The types to declare, in the module's order: repeats are aliases, without nested types (the
    /// alias reaches the target's nested types).
    let types: [IRType]
    /// The path each type turned into an alias now names, by the alias's joined path.
    let targets: [String: [String]]

    init(types topLevel: [IRType], operations: [IROperation]) {
        var all: [IRType] = []
        func visit(_ type: IRType) {
            all.append(type)
            type.nested.forEach(visit)
        }
        topLevel.forEach(visit)
        var index: [[String]: Int] = [:]
        for (position, type) in all.enumerated() { index[type.path] = position }

        var references: [[Int]] = []
        var shapeClasses: [Int] = []
        var shapes: [Shape: Int] = [:]
        // The ancestors of a type referred to from outside them: without that type they would leave a
        // reference dangling, so they stay declared.
        var pinned: Set<[String]> = []
        func pin(_ target: [String], from origin: [String]) {
            for depth in stride(from: 1, to: target.count, by: 1) where !origin.starts(with: target.prefix(depth)) {
                pinned.insert(Array(target.prefix(depth)))
            }
        }
        shapes.reserveCapacity(all.count)
        /// The slot's value; reading it through `inout` stores the default of a new key with one hash.
        func value(_ slot: inout Int) -> Int { slot }
        for type in all {
            var paths: [[String]] = []
            let shape = Shape(type, references: &paths)
            let next = shapes.count
            shapeClasses.append(value(&shapes[shape, default: next]))
            references.append(paths.map { index[$0] ?? -1 })
            for path in paths { pin(path, from: type.path) }
        }
        for operation in operations {
            for type in operation.referencedTypes { if let path = type.namedPath { pin(path, from: []) } }
        }

        // Two types stay together while their shapes match and every reference points into the same class.
        let classes = PartitionRefinement(initial: shapeClasses, references: references.map { $0.map { $0 < 0 ? nil : $0 } }).classes

        // Level by level, so that a type's ancestors are decided before it, and at each level the types
        // the spec names first, so that a repeat names the spec's type when there is one.
        var canonical: [Int: [String]] = [:]
        var targets: [String: [String]] = [:]
        let mayAlias = { (type: IRType) in type.kind.declaresShape && !type.isComponent && !pinned.contains(type.path) }
        var level = topLevel
        while !level.isEmpty {
            var next: [IRType] = []
            for type in level.filter({ !mayAlias($0) }) + level.filter(mayAlias) {
                let typeClass = classes[index[type.path]!]
                if mayAlias(type), let target = canonical[typeClass] {
                    targets[type.path.joined(separator: ".")] = target
                    continue
                }
                if canonical[typeClass] == nil, type.kind.declaresShape { canonical[typeClass] = type.path }
                next += type.nested
            }
            level = next
        }
        self.targets = targets

        func declared(_ type: IRType) -> IRType {
            var type = type
            if let target = targets[type.path.joined(separator: ".")] {
                type.kind = .alias(.named(target))
                type.nested = []
                let note = "The spec repeats this shape; it is declared once, as `\(target.joined(separator: "."))`."
                type.description = type.description.map { $0 + "\n\n" + note } ?? note
            } else {
                type.nested = type.nested.map(declared)
            }
            return type
        }
        self.types = topLevel.map(declared)
    }
}

extension IRType.Kind {
    /// Objects, enums, unions and wrappers: the kinds whose declarations a repeat would restate.
    fileprivate var declaresShape: Bool {
        if case .alias = self { return false }
        return true
    }
}

extension IROperation {
    /// Every type the operation's code names: parameters, bodies, responses, pagination.
    fileprivate var referencedTypes: [IRTypeRef] {
        var types = parameters.map(\.type) + responses.compactMap(\.type)
        if let requestBody { types.append(requestBody.type) }
        if let pagination {
            types.append(pagination.items.type)
            types += [pagination.nextCursor, pagination.hasMore, pagination.total].compactMap { $0?.type }
        }
        return types
    }
}

/// What a type's declaration renders, with the types it refers to taken out (they are compared by class).
private struct Shape: Hashable {
    enum Kind: Hashable {
        case object([PropertyShape], additional: IRTypeRef?)
        case enumeration(IREnum.RawType, [IREnumCase])
        case union([VariantShape], discriminator: String?)
        case alias(IRTypeRef)
        case wrapper(IRTypeRef)
        /// Forms are never merged: each is named for the body it is, so its path is its shape.
        case multipartForm(path: [String], types: [IRTypeRef])
    }

    struct PropertyShape: Hashable {
        var jsonName: String
        var swiftName: String
        var type: IRTypeRef
        var presence: IRPresence
        var description: String?
        var deprecated: Bool
        var deprecationMessage: String?
        var readOnly: Bool
        var writeOnly: Bool
        var defaultValue: Literal?
        var constValue: Literal?
        var constraints: Constraints
        var needsIndirection: Bool
    }

    struct VariantShape: Hashable {
        var swiftName: String
        var type: IRTypeRef
        var requiredKeys: [String]
        var knownKeys: [String]
        var discriminatorValues: [String]
        var needsIndirection: Bool
    }

    var kind: Kind
    var deprecated: Bool

    /// The shape of `type`; the paths it refers to are appended to `references`, in order.
    init(_ type: IRType, references: inout [[String]]) {
        func hollow(_ ref: IRTypeRef) -> IRTypeRef {
            switch ref {
            case .named(let path):
                references.append(path)
                return .named([])
            case .array(let element): return .array(hollow(element))
            case .map(let value): return .map(hollow(value))
            default: return ref
            }
        }
        deprecated = type.deprecated
        switch type.kind {
        case .object(let object):
            let properties = object.properties.map { property in
                PropertyShape(
                    jsonName: property.jsonName, swiftName: property.swiftName, type: hollow(property.type),
                    presence: property.presence,
                    description: property.description, deprecated: property.deprecated,
                    deprecationMessage: property.deprecationMessage, readOnly: property.readOnly,
                    writeOnly: property.writeOnly, defaultValue: property.defaultValue, constValue: property.constValue,
                    constraints: property.constraints, needsIndirection: property.needsIndirection)
            }
            kind = .object(properties, additional: object.additionalProperties.map(hollow))
        case .enumeration(let enumeration):
            kind = .enumeration(enumeration.rawType, enumeration.cases)
        case .union(let union):
            let variants = union.variants.map { variant in
                VariantShape(
                    swiftName: variant.swiftName, type: hollow(variant.type), requiredKeys: variant.requiredKeys,
                    knownKeys: variant.knownKeys, discriminatorValues: variant.discriminatorValues,
                    needsIndirection: variant.needsIndirection)
            }
            kind = .union(variants, discriminator: union.discriminator)
        case .alias(let target):
            kind = .alias(hollow(target))
        case .wrapper(let target):
            kind = .wrapper(hollow(target))
        case .multipartForm(let form):
            kind = .multipartForm(path: type.path, types: form.parts.map { hollow($0.type) })
        }
    }
}
