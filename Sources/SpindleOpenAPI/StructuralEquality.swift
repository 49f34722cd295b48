import SpindleYAML

extension YAMLNode {
    /// Whether two nodes hold the same data, whatever their locations and scalar quoting of
    /// strings. Used to merge identical definitions across fragments.
    ///
    /// Mapping key order does not matter. Recursion depth is bounded by the loader's nesting limit.
    public func isStructurallyEqual(to other: YAMLNode) -> Bool {
        guard kind == other.kind, count == other.count else { return false }
        switch kind {
        case .scalar:
            return scalar == other.scalar && isNull == other.isNull
        case .sequence:
            return zip(elements, other.elements).allSatisfy { $0.isStructurallyEqual(to: $1) }
        case .mapping:
            for (key, value) in entries {
                guard let name = key.scalar, let otherValue = other[name],
                    value.isStructurallyEqual(to: otherValue)
                else { return false }
            }
            return true
        }
    }
}
