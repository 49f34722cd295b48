import SpindleOpenAPI

extension IRBuilder {
    /// Warns about config entries that name an operation (or a parameter of one) the spec does not have: they
    /// would otherwise do nothing, silently, typically after the vendor renamed an operation in a spec bump.
    func checkConfigMentions() {
        var parametersByOperation: [String: Set<String>] = [:]
        for operation in api.operations {
            guard let operationId = operation.operationId else { continue }
            parametersByOperation[operationId, default: []].formUnion(operation.parameters.map(\.name))
        }
        for mention in config.operationMentions {
            guard let parameters = parametersByOperation[mention.operationId] else {
                report(.warning(
                    "\(mention.section): the spec has no operation with operationId '\(mention.operationId)'; this entry has no effect",
                    at: mention.location))
                continue
            }
            if let parameter = mention.parameter, !parameters.contains(parameter) {
                report(.warning(
                    "\(mention.section): operation '\(mention.operationId)' has no parameter '\(parameter)'; this entry has no effect",
                    at: mention.location))
            }
        }
    }
}
