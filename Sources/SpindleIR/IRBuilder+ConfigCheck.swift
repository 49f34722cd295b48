import SpindleOpenAPI

extension IRBuilder {
    /// Warns about config entries that name an operation (or a parameter of one) the spec does not have: they
    /// would otherwise do nothing, silently, typically after the vendor renamed an operation in a spec bump.
    func checkConfigMentions() {
        var operationIds: Set<String> = []
        // The keys `parameters` overrides are looked up by (`IRBuilder+Operations`): `operationId.parameter`.
        var parameterKeys: Set<String> = []
        for operation in api.operations {
            guard let operationId = operation.operationId else { continue }
            operationIds.insert(operationId)
            parameterKeys.formUnion(operation.parameters.map { "\(operationId).\($0.name)" })
        }
        for mention in config.operationMentions {
            let message: String
            if mention.namesParameter {
                guard !parameterKeys.contains(mention.name) else { continue }
                // The longest operationId the key starts with (operationIds may contain dots).
                if let operationId = operationIds.filter({ mention.name.hasPrefix($0 + ".") }).max(by: { $0.count < $1.count }) {
                    let parameter = mention.name.dropFirst(operationId.count + 1)
                    message = "operation '\(operationId)' has no parameter '\(parameter)'"
                } else {
                    let operationId = mention.name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? mention.name
                    message = "the spec has no operation with operationId '\(operationId)'"
                }
            } else {
                guard !operationIds.contains(mention.name) else { continue }
                message = "the spec has no operation with operationId '\(mention.name)'"
            }
            report(.warning(.unusedConfig, "\(mention.section): \(message); this entry has no effect", at: mention.location))
        }
    }
}
