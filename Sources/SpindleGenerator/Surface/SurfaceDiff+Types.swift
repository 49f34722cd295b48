extension SurfaceComparison {
    mutating func compareTypes() {
        let renamedTargets = Set(renames.values)
        for (name, type) in new.types where old.types[name] == nil && type.renamed != true {
            // A renamed type's members were there before, under its old name.
            let isUnderRename = renamedTargets.contains { name.hasPrefix($0 + ".") } && old.types[reverseRename(name)] != nil
            if !isUnderRename { add(.additive, "type added", name, type.kind) }
        }
        for (name, before) in old.types {
            if let target = renames[name] {
                add(.deprecated, "type renamed", name, "now \(target); \(name) is kept as a deprecated typealias")
                continue
            }
            let wasDeprecated = before.deprecated != nil
            guard let after = new.types[canonical(name)] else {
                add(.sourceBreaking, "type removed", name, before.kind, wasDeprecated: wasDeprecated)
                continue
            }
            guard before.kind == after.kind else {
                add(.sourceBreaking, "type kind changed", name, "\(before.kind) -> \(after.kind)")
                continue
            }
            compareMembers(name, before, after)
            if detailed {
                compareDeprecations(name, before, after)
                if let oldInitializer = before.initializer, let newInitializer = after.initializer,
                    reordersCommonLabels(argumentLabels(oldInitializer), argumentLabels(newInitializer))
                {
                    add(.sourceBreaking, "initializer argument order changed", name, "\(oldInitializer) -> \(newInitializer)")
                }
            }
        }
    }

    /// The old path of a type nested in a renamed one: `Client.Status` for `Customer.Status`.
    private func reverseRename(_ key: String) -> String {
        for (old, new) in renames where key.hasPrefix(new + ".") { return old + key.dropFirst(new.count) }
        return key
    }

    private mutating func compareDeprecations(_ name: String, _ before: APISurface.TypeSurface, _ after: APISurface.TypeSurface) {
        switch (before.deprecated, after.deprecated) {
        case (nil, let message?): add(.deprecated, "type deprecated", name, message.isEmpty ? nil : message)
        case (.some, nil): add(.additive, "type no longer deprecated", name)
        default: break
        }
        let oldDeprecated = before.deprecatedProperties ?? [:]
        for (property, message) in after.deprecatedProperties ?? [:] where oldDeprecated[property] == nil && before.properties?[property] != nil {
            add(.deprecated, "property deprecated", "\(name).\(property)", message.isEmpty ? nil : message)
        }
    }

    private mutating func compareMembers(_ name: String, _ before: APISurface.TypeSurface, _ after: APISurface.TypeSurface) {
        let oldProperties = before.properties ?? [:]
        let newProperties = after.properties ?? [:]
        for (property, type) in newProperties where oldProperties[property] == nil {
            // A new required property is a new required initializer argument.
            let optional = type.hasSuffix("?") || type.hasSuffix("?!") || type.hasPrefix("OptionalValue<")
            add(optional ? .additive : .sourceBreaking, optional ? "optional property added" : "required property added", "\(name).\(property)", type)
        }
        for (property, oldType) in oldProperties {
            guard let newType = newProperties[property] else {
                add(.sourceBreaking, "property removed", "\(name).\(property)", oldType, wasDeprecated: before.deprecatedProperties?[property] != nil)
                continue
            }
            let type = canonical(oldType)
            guard newType != type else { continue }
            // `T?` omitted when nil and `T?` always encoded are the same Swift type.
            let sameSwiftType = newType.replacingOccurrences(of: "?!", with: "?") == type.replacingOccurrences(of: "?!", with: "?")
            let kind = sameSwiftType ? "nullability changed" : (stripOptional(newType) == stripOptional(type) ? "optionality changed" : "property type changed")
            add(sameSwiftType ? .additive : .sourceBreaking, kind, "\(name).\(property)", "\(describe(oldType)) -> \(describe(newType))")
        }
        if before.kind == "enum" {
            compareEnumValues(name, before, after)
        } else {
            compareUnionCases(name, before, after)
        }
        if before.target != after.target, let oldTarget = before.target, let newTarget = after.target, canonical(oldTarget) != newTarget {
            add(.sourceBreaking, "alias target changed", name, "\(oldTarget) -> \(newTarget)")
        }
    }

    private mutating func compareEnumValues(_ name: String, _ before: APISurface.TypeSurface, _ after: APISurface.TypeSurface) {
        let oldValues = before.rawValues
        let newValues = after.rawValues
        for value in newValues.subtracting(oldValues).sorted() { add(.additive, "enum value added", name, value) }
        for value in oldValues.subtracting(newValues).sorted() { add(.sourceBreaking, "enum value removed", name, value) }
        // A value whose member got another name (`.aB` -> `.aB2`): code naming the member breaks.
        guard let oldCases = before.cases, let newCases = after.cases else { return }
        let newNames = Dictionary(newCases.map { ($0.value, $0.key) }) { first, _ in first }
        for (member, value) in oldCases.sorted(by: { $0.key < $1.key }) {
            if let newName = newNames[value], newName != member {
                add(.sourceBreaking, "enum case renamed", "\(name).\(member)", "now .\(newName) for \(value)")
            }
        }
    }

    private mutating func compareUnionCases(_ name: String, _ before: APISurface.TypeSurface, _ after: APISurface.TypeSurface) {
        let oldCases = before.cases ?? [:]
        let newCases = after.cases ?? [:]
        // Union cases are matched exhaustively by `switch`, so any new case breaks such code.
        for (variant, type) in newCases where oldCases[variant] == nil { add(.sourceBreaking, "union case added", "\(name).\(variant)", type) }
        for (variant, type) in oldCases {
            guard let newType = newCases[variant] else {
                add(.sourceBreaking, "union case removed", "\(name).\(variant)", type)
                continue
            }
            if canonical(type) != newType { add(.sourceBreaking, "union case type changed", "\(name).\(variant)", "\(type) -> \(newType)") }
        }
    }

    private func stripOptional(_ type: String) -> String {
        var result = type
        if result.hasPrefix("OptionalValue<") { result = String(result.dropFirst("OptionalValue<".count).dropLast()) }
        while result.hasSuffix("!") || result.hasSuffix("?") { result.removeLast() }
        return result
    }

    private func describe(_ type: String) -> String {
        type.hasSuffix("?!") ? String(type.dropLast()) + " (always sent)" : type
    }
}
