extension SurfaceComparison {
    mutating func compareOperations() {
        for (name, operation) in new.operations where old.operations[name] == nil {
            let helpers = operation.pagination.map { _ in "; with \(helperNames(name))" } ?? ""
            add(.additive, "operation added", name, "\(operation.method) \(operation.path)\(helpers)")
        }
        for (name, before) in old.operations {
            let wasDeprecated = before.deprecated != nil
            guard let after = new.operations[name] else {
                add(.sourceBreaking, "operation removed", name, "\(before.method) \(before.path)", wasDeprecated: wasDeprecated)
                continue
            }
            if canonical(before.returns) != after.returns {
                add(.sourceBreaking, "return type changed", name, "\(before.returns) -> \(after.returns)")
            }
            compareParameters(name, before, after)
            guard detailed else { continue }
            comparePagination(name, before, after)
            switch (before.deprecated, after.deprecated) {
            case (nil, let message?): add(.deprecated, "operation deprecated", name, message.isEmpty ? nil : message)
            case (.some, nil): add(.additive, "operation no longer deprecated", name)
            default: break
            }
        }
    }

    private mutating func compareParameters(_ name: String, _ before: APISurface.OperationSurface, _ after: APISurface.OperationSurface) {
        let oldDeprecated = before.deprecatedParameters ?? [:]
        let newDeprecated = after.deprecatedParameters ?? [:]
        for (label, type) in after.parameters where before.parameters[label] == nil {
            let optional = type.hasSuffix("?")
            add(optional ? .additive : .sourceBreaking, optional ? "optional parameter added" : "required parameter added", "\(name)(\(label):)", type)
        }
        for (label, type) in before.parameters {
            let subject = "\(name)(\(label):)"
            guard let newType = after.parameters[label] else {
                add(.sourceBreaking, "parameter removed", subject, type, wasDeprecated: oldDeprecated[label] != nil)
                continue
            }
            if newType != canonical(type) {
                // Making a parameter optional keeps every old call compiling.
                let relaxed = newType == canonical(type) + "?"
                add(relaxed ? .additive : .sourceBreaking, relaxed ? "parameter became optional" : "parameter type changed", subject, "\(type) -> \(newType)")
            }
            if detailed, oldDeprecated[label] == nil, let message = newDeprecated[label] {
                add(.deprecated, "parameter deprecated", subject, message.isEmpty ? nil : message)
            }
        }
        // Arguments are matched by position as well as by label: a call that passes two of them in the
        // old order does not compile against the new one.
        if let oldSignature = before.signature, let newSignature = after.signature,
            reordersCommonLabels(argumentLabels(oldSignature), argumentLabels(newSignature))
        {
            add(.sourceBreaking, "parameter order changed", name, "\(oldSignature) -> \(newSignature)")
        }
    }

    private mutating func comparePagination(_ name: String, _ before: APISurface.OperationSurface, _ after: APISurface.OperationSurface) {
        let helpers = helperNames(name)
        switch (before.pagination, after.pagination) {
        case (let old?, nil):
            add(.sourceBreaking, "pagination helpers removed", name, "\(helpers); items \(old.item)", wasDeprecated: before.deprecated != nil)
        case (nil, let new?):
            add(.additive, "pagination helpers added", name, "\(helpers); items \(new.item)")
        case (let old?, let new?) where canonical(old.item) != new.item:
            add(.sourceBreaking, "pagination item type changed", name, "\(old.item) -> \(new.item)")
        default:
            break
        }
    }

    /// `customers.listPages, customers.listAll` for `customers.list`.
    private func helperNames(_ callPath: String) -> String {
        "\(callPath)Pages, \(callPath)All"
    }
}
