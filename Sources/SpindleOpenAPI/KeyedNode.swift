import SpindleYAML

/// A mapping node read by key many times: lookups of keys whose length no key of the mapping has return
/// `nil` at once, without comparing bytes.
///
/// The schema parser asks every schema for some 50 keywords; a schema has a handful, so nearly every
/// lookup misses (on Stripe's spec, key comparisons were about a tenth of loading).
struct KeyedNode {
    let node: YAMLNode
    private let lengths: UInt64

    init(_ node: YAMLNode) {
        self.node = node
        lengths = node.keyLengthMask
    }

    private func mayHave(_ key: String) -> Bool {
        lengths & (1 << UInt64(min(key.utf8.count, 63))) != 0
    }

    /// The value for `key`, or `nil`.
    subscript(key: String) -> YAMLNode? {
        mayHave(key) ? node[key] : nil
    }

    /// The key node whose text is `key`, or `nil`.
    func keyNode(for key: String) -> YAMLNode? {
        mayHave(key) ? node.keyNode(for: key) : nil
    }
}
