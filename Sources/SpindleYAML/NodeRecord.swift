/// One node of a ``YAMLDocument`` arena: plain data, no references.
///
/// Scalars point into the document's single scalar byte buffer; collections point
/// into its children index array (a mapping stores key, value, key, value, ...).
struct NodeRecord: Sendable {
    /// The raw node kind.
    enum RawKind: UInt8, Sendable {
        case scalar = 0
        case sequence = 1
        case mapping = 2
    }

    /// The raw scalar or collection style.
    enum RawStyle: UInt8, Sendable {
        case plain = 0
        case singleQuoted = 1
        case doubleQuoted = 2
        case literal = 3
        case folded = 4
        case block = 5
        case flow = 6
    }

    /// Bit in ``flags``: the node has an explicit tag (stored in the document's tag table).
    static let hasTag: UInt8 = 1

    var kind: RawKind
    var style: RawStyle
    var flags: UInt8
    /// 1-based line.
    var line: UInt32
    /// 1-based column.
    var column: UInt32
    /// Scalar: offset into the scalar bytes. Collection: offset into the children array.
    var start: UInt32
    /// Scalar: length in bytes. Sequence: element count. Mapping: twice the pair count.
    var length: UInt32
}

/// What the tree builder tracks per node to enforce its budgets; dropped once the document is built
/// (kept in the document it made every node a third larger).
struct NodeExtent {
    /// Number of nodes in the subtree with aliases expanded, saturating; 0 while a collection is open.
    var size: UInt32
    /// Collections nested in the subtree including this one, through aliases (0 for a scalar).
    var height: UInt32
    /// Bytes of scalar text in the subtree with aliases expanded, saturating; 0 while a collection is open.
    var bytes: UInt32
}
