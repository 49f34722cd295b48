/// One difference between two API surfaces, judged by what it does to code that compiled against
/// the old one.
public struct APIChange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Impact: String, Sendable, Comparable {
        /// Code that compiled before may not compile now.
        case sourceBreaking = "source-breaking"
        /// Code that compiled before still does.
        case additive

        public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs == .sourceBreaking && rhs == .additive }
    }

    public var impact: Impact
    /// What changed, e.g. `property removed`.
    public var kind: String
    /// Where, e.g. `Customer.language`.
    public var subject: String
    /// Old and new, where it helps, e.g. `String? -> String`.
    public var detail: String?

    public init(impact: Impact, kind: String, subject: String, detail: String? = nil) {
        self.impact = impact
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    public var description: String {
        "\(impact.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(kind): \(subject)" + (detail.map { " (\($0))" } ?? "")
    }

    public static func < (lhs: APIChange, rhs: APIChange) -> Bool {
        (lhs.impact, lhs.subject, lhs.kind) < (rhs.impact, rhs.subject, rhs.kind)
    }
}

extension APISurface {
    /// The changes from `old` to `self`, breaking ones first, then by subject.
    public func changes(from old: APISurface) -> [APIChange] {
        var changes: [APIChange] = []
        func add(_ impact: APIChange.Impact, _ kind: String, _ subject: String, _ detail: String? = nil) {
            changes.append(APIChange(impact: impact, kind: kind, subject: subject, detail: detail))
        }
        for (name, operation) in operations where old.operations[name] == nil {
            add(.additive, "operation added", name, "\(operation.method) \(operation.path)")
        }
        for (name, before) in old.operations {
            guard let after = operations[name] else {
                add(.sourceBreaking, "operation removed", name, "\(before.method) \(before.path)")
                continue
            }
            if before.returns != after.returns { add(.sourceBreaking, "return type changed", name, "\(before.returns) -> \(after.returns)") }
            for (label, type) in after.parameters where before.parameters[label] == nil {
                add(type.hasSuffix("?") ? .additive : .sourceBreaking, type.hasSuffix("?") ? "optional parameter added" : "required parameter added", "\(name)(\(label):)", type)
            }
            for (label, type) in before.parameters {
                guard let newType = after.parameters[label] else {
                    add(.sourceBreaking, "parameter removed", "\(name)(\(label):)", type)
                    continue
                }
                if newType != type {
                    // Making a parameter optional keeps every old call compiling.
                    let relaxed = newType == type + "?"
                    add(relaxed ? .additive : .sourceBreaking, relaxed ? "parameter became optional" : "parameter type changed", "\(name)(\(label):)", "\(type) -> \(newType)")
                }
            }
        }
        for (name, type) in types where old.types[name] == nil {
            add(.additive, "type added", name, type.kind)
        }
        for (name, before) in old.types {
            guard let after = types[name] else {
                add(.sourceBreaking, "type removed", name, before.kind)
                continue
            }
            guard before.kind == after.kind else {
                add(.sourceBreaking, "type kind changed", name, "\(before.kind) -> \(after.kind)")
                continue
            }
            compareMembers(name, before, after, add)
        }
        if let before = old.errorBody, let after = errorBody { compareErrorBody(before, after, add) }
        return changes.sorted()
    }

    /// The error-body enum has no unknown case users could fall back on, and outside library evolution
    /// mode Swift treats every enum as exhaustive anyway: each case added or removed breaks a `switch`.
    private func compareErrorBody(
        _ before: ErrorBodySurface, _ after: ErrorBodySurface,
        _ add: (APIChange.Impact, String, String, String?) -> Void
    ) {
        for (name, type) in after.cases where before.cases[name] == nil {
            add(.sourceBreaking, "error body case added", "\(after.name).\(name)", type)
        }
        for (name, type) in before.cases {
            guard let newType = after.cases[name] else {
                add(.sourceBreaking, "error body case removed", "\(after.name).\(name)", type)
                continue
            }
            if newType != type { add(.sourceBreaking, "error body case type changed", "\(after.name).\(name)", "\(type) -> \(newType)") }
        }
    }

    private func compareMembers(
        _ name: String, _ before: TypeSurface, _ after: TypeSurface,
        _ add: (APIChange.Impact, String, String, String?) -> Void
    ) {
        let oldProperties = before.properties ?? [:]
        let newProperties = after.properties ?? [:]
        for (property, type) in newProperties where oldProperties[property] == nil {
            // A new required property is a new required initializer argument.
            let optional = type.hasSuffix("?") || type.hasSuffix("?!") || type.hasPrefix("OptionalValue<")
            add(optional ? .additive : .sourceBreaking, optional ? "optional property added" : "required property added", "\(name).\(property)", type)
        }
        for (property, type) in oldProperties {
            guard let newType = newProperties[property] else {
                add(.sourceBreaking, "property removed", "\(name).\(property)", type)
                continue
            }
            guard newType != type else { continue }
            // `T?` omitted when nil and `T?` always encoded are the same Swift type.
            let sameSwiftType = newType.replacingOccurrences(of: "?!", with: "?") == type.replacingOccurrences(of: "?!", with: "?")
            let kind = sameSwiftType ? "nullability changed" : (stripOptional(newType) == stripOptional(type) ? "optionality changed" : "property type changed")
            add(sameSwiftType ? .additive : .sourceBreaking, kind, "\(name).\(property)", "\(describe(type)) -> \(describe(newType))")
        }
        let oldValues = Set(before.values ?? [])
        let newValues = Set(after.values ?? [])
        for value in newValues.subtracting(oldValues).sorted() { add(.additive, "enum value added", name, value) }
        for value in oldValues.subtracting(newValues).sorted() { add(.sourceBreaking, "enum value removed", name, value) }
        let oldCases = before.cases ?? [:]
        let newCases = after.cases ?? [:]
        // Union cases are matched exhaustively by `switch`, so any new case breaks such code.
        for (variant, type) in newCases where oldCases[variant] == nil { add(.sourceBreaking, "union case added", "\(name).\(variant)", type) }
        for (variant, type) in oldCases where newCases[variant] == nil { add(.sourceBreaking, "union case removed", "\(name).\(variant)", type) }
        for (variant, type) in oldCases where newCases[variant] != nil && newCases[variant] != type {
            add(.sourceBreaking, "union case type changed", "\(name).\(variant)", "\(type) -> \(newCases[variant]!)")
        }
        if before.target != after.target, let old = before.target, let new = after.target {
            add(.sourceBreaking, "alias target changed", name, "\(old) -> \(new)")
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

/// A printable report of `changes` between two versions of a module.
public func changeReport(module: String, from oldVersion: String, to newVersion: String, changes: [APIChange]) -> String {
    let breaking = changes.filter { $0.impact == .sourceBreaking }.count
    var lines = ["\(module) \(oldVersion) -> \(newVersion): \(changes.count) change\(changes.count == 1 ? "" : "s") (\(breaking) source-breaking, \(changes.count - breaking) additive)"]
    lines += changes.map { "  " + $0.description }
    return lines.joined(separator: "\n")
}
