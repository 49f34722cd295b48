#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A cheap, copyable view of one node of a ``YAMLDocument``: the document plus an index.
///
/// Two views are equal when they denote the same stored node, so all uses of one
/// anchored node (through aliases) compare equal.
public struct YAMLNode: Sendable, Hashable {
    /// What a node is. Aliases are resolved, so they never appear.
    public enum Kind: Sendable, Hashable {
        /// A scalar (string, number, boolean, null, ... as written).
        case scalar
        /// A sequence (`[a, b]` or `- a`).
        case sequence
        /// A mapping (`{a: b}` or `a: b`).
        case mapping
    }

    /// The document that stores the node.
    public let document: YAMLDocument
    /// The node's index in the document's arena.
    let index: UInt32

    init(document: YAMLDocument, index: UInt32) {
        self.document = document
        self.index = index
    }

    var record: NodeRecord { document.nodes[Int(index)] }

    /// Whether the node is a scalar, a sequence or a mapping.
    public var kind: Kind {
        switch record.kind {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    /// Where the node starts (for a quoted scalar, its opening quote).
    public var location: SourceLocation {
        let record = record
        return SourceLocation(file: document.file, line: Int(record.line), column: Int(record.column))
    }

    /// The explicit tag, resolved by libyaml (`!!str` becomes `tag:yaml.org,2002:str`), if any.
    public var tag: String? {
        guard record.flags & NodeRecord.hasTag != 0 else { return nil }
        return document.tags[index]
    }

    /// Elements of a sequence or pairs of a mapping; 0 for a scalar.
    public var count: Int {
        let record = record
        switch record.kind {
        case .scalar: return 0
        case .sequence: return Int(record.length)
        case .mapping: return Int(record.length) / 2
        }
    }

    /// The items of a sequence, in order (empty for scalars and mappings).
    public var elements: [YAMLNode] {
        let record = record
        guard record.kind == .sequence else { return [] }
        let start = Int(record.start)
        return document.children[start..<start + Int(record.length)].map {
            YAMLNode(document: document, index: $0)
        }
    }

    /// The pairs of a mapping in document order, merge keys applied (empty otherwise).
    public var entries: [(key: YAMLNode, value: YAMLNode)] {
        let record = record
        guard record.kind == .mapping else { return [] }
        let start = Int(record.start)
        let pairs = Int(record.length) / 2
        var result: [(key: YAMLNode, value: YAMLNode)] = []
        result.reserveCapacity(pairs)
        for pair in 0..<pairs {
            result.append((
                key: YAMLNode(document: document, index: document.children[start + 2 * pair]),
                value: YAMLNode(document: document, index: document.children[start + 2 * pair + 1])
            ))
        }
        return result
    }

    /// Calls `body` with the bytes and pair position of each scalar key of a mapping, in document order
    /// (nothing for other nodes). A reader that asks one mapping for many keys it mostly lacks (a schema is
    /// asked for some 50 keywords and has a handful) looks at each key once this way instead.
    public func forEachScalarKey(_ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Void) {
        let record = record
        guard record.kind == .mapping else { return }
        document.scalarBytes.withUnsafeBufferPointer { bytes in
            document.nodes.withUnsafeBufferPointer { nodes in
                document.children.withUnsafeBufferPointer { children in
                    for position in 0..<Int(record.length) / 2 {
                        let key = nodes[Int(children[Int(record.start) + 2 * position])]
                        guard key.kind == .scalar else { continue }
                        body(UnsafeBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.start) + Int(key.length)]), position)
                    }
                }
            }
        }
    }

    /// The item at `position` of a sequence; `position` must be in `0..<count`.
    public func element(at position: Int) -> YAMLNode {
        let record = record
        precondition(record.kind == .sequence && position >= 0 && position < Int(record.length),
                     "element index out of range")
        return YAMLNode(document: document, index: document.children[Int(record.start) + position])
    }

    /// The pair at `position` of a mapping; `position` must be in `0..<count`.
    public func entry(at position: Int) -> (key: YAMLNode, value: YAMLNode) {
        let record = record
        precondition(record.kind == .mapping && position >= 0 && position < Int(record.length) / 2,
                     "entry index out of range")
        let base = Int(record.start) + 2 * position
        return (
            key: YAMLNode(document: document, index: document.children[base]),
            value: YAMLNode(document: document, index: document.children[base + 1])
        )
    }

    /// The value for the scalar key whose text is `key`, or `nil` (also for non-mappings).
    public subscript(key: String) -> YAMLNode? {
        guard let slot = childSlot(ofKey: key) else { return nil }
        return YAMLNode(document: document, index: document.children[slot + 1])
    }

    /// The key node whose text is `key` (useful for the location of a key), or `nil`.
    public func keyNode(for key: String) -> YAMLNode? {
        guard let slot = childSlot(ofKey: key) else { return nil }
        return YAMLNode(document: document, index: document.children[slot])
    }

    /// The children-array slot of the key node matching `key`, by a byte comparison.
    private func childSlot(ofKey key: String) -> Int? {
        let record = record
        guard record.kind == .mapping, record.length > 0 else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            document.findKeySlot(start: Int(record.start), slots: Int(record.length), key: wanted)
        }
    }

    /// Same document and same stored node.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.index == rhs.index && lhs.document === rhs.document
    }

    /// Hashes the document identity and the node index.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(document))
        hasher.combine(index)
    }
}

extension YAMLDocument {
    /// The slot of the key (in `children`) equal to `key` among the pairs at `start`.
    func findKeySlot(start: Int, slots: Int, key: UnsafeBufferPointer<UInt8>) -> Int? {
        let wantedLength = UInt32(truncatingIfNeeded: key.count)
        guard key.count == Int(wantedLength) else { return nil }
        return scalarBytes.withUnsafeBufferPointer { bytes in
            nodes.withUnsafeBufferPointer { nodes in
                children.withUnsafeBufferPointer { children in
                    var slot = start
                    let end = start + slots
                    while slot < end {
                        let candidate = nodes[Int(children[slot])]
                        if candidate.kind == .scalar, candidate.length == wantedLength,
                           bytesEqual(bytes.baseAddress, Int(candidate.start), key.baseAddress, key.count) {
                            return slot
                        }
                        slot += 2
                    }
                    return nil
                }
            }
        }
    }
}

/// Whether `count` bytes at `lhs + offset` equal those at `rhs` (nil pointers only when `count` is 0).
@inline(__always)
func bytesEqual(_ lhs: UnsafePointer<UInt8>?, _ offset: Int, _ rhs: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    if count == 0 { return true }
    guard let lhs, let rhs else { return false }
    return memcmp(lhs + offset, rhs, count) == 0
}

extension YAMLNode: CustomStringConvertible {
    /// A one-line summary for debugging, e.g. `mapping (3 pairs) at spec.yaml:1:1`; never recursive.
    public var description: String {
        switch kind {
        case .scalar:
            let text = scalar ?? ""
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "scalar \(isQuoted ? "\"\(shown)\"" : shown) at \(location)"
        case .sequence:
            return "sequence (\(count) elements) at \(location)"
        case .mapping:
            return "mapping (\(count) pairs) at \(location)"
        }
    }
}
