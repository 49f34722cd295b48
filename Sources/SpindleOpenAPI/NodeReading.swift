import SpindleYAML

/// Typed reads of spec fields that report a located error when a value has the wrong shape.
struct NodeReader {
    /// Where located errors go.
    let report: (Diagnostic) -> Void

    func string(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        guard node.kind == .scalar, let text = node.scalar else {
            report(.error("'\(what())' must be a string", at: node.location))
            return nil
        }
        return text
    }

    /// The node itself when it is a scalar (a string read later), else reports like ``string(_:_:)``.
    func scalar(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> YAMLNode? {
        guard let node else { return nil }
        guard node.kind == .scalar else {
            report(.error("'\(what())' must be a string", at: node.location))
            return nil
        }
        return node
    }

    func bool(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool else {
            report(.error("'\(what())' must be true or false", at: node.location))
            return nil
        }
        return value
    }

    func int(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> Int? {
        guard let node else { return nil }
        guard let value = node.int else {
            report(.error("'\(what())' must be an integer", at: node.location))
            return nil
        }
        return value
    }

    func double(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> Double? {
        guard let node else { return nil }
        guard let value = node.double else {
            report(.error("'\(what())' must be a number", at: node.location))
            return nil
        }
        return value
    }

    func mapping(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> YAMLNode? {
        guard let node else { return nil }
        guard node.kind == .mapping else {
            if node.isNull { return nil }
            report(.error("'\(what())' must be a mapping", at: node.location))
            return nil
        }
        return node
    }

    func sequence(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> [YAMLNode] {
        sequenceNode(node, what())?.elements ?? []
    }

    /// The node itself when it is a sequence; `nil` when absent or null, or after reporting anything else.
    func sequenceNode(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> YAMLNode? {
        guard let node else { return nil }
        guard node.kind == .sequence else {
            if node.isNull { return nil }
            report(.error("'\(what())' must be a sequence", at: node.location))
            return nil
        }
        return node
    }

    func strings(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> [String] {
        guard let sequence = sequenceNode(node, what()) else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(sequence.count)
        for position in 0..<sequence.count {
            if let text = string(sequence.element(at: position), what()) { strings.append(text) }
        }
        return strings
    }
}

extension YAMLNode {
    /// The `x-` extensions of a mapping.
    var extensions: [String: YAMLNode] {
        // Read pair by pair: nearly every mapping has none, and listing its entries first cost an
        // array per schema.
        var result: [String: YAMLNode] = [:]
        for position in 0..<(kind == .mapping ? count : 0) {
            let (key, value) = entry(at: position)
            if key.scalarHasPrefix("x-"), let name = key.scalar { result[name] = value }
        }
        return result
    }
}
