/// Scalar text and the YAML 1.2 core-schema readings of it.
///
/// The parser keeps scalars exactly as written (`no` stays "no", `1.0` stays "1.0");
/// these accessors interpret plain scalars on demand, because what a scalar means
/// depends on where it is used.
extension YAMLNode {
    /// The style a scalar was written in.
    public enum ScalarStyle: Sendable, Hashable {
        /// Unquoted: `abc`.
        case plain
        /// `'abc'`.
        case singleQuoted
        /// `"abc"`.
        case doubleQuoted
        /// A `|` block scalar.
        case literal
        /// A `>` block scalar.
        case folded
    }

    /// The text of a scalar node (escapes and folding applied); `nil` for collections.
    public var scalar: String? {
        let record = record
        guard record.kind == .scalar else { return nil }
        let make = { self.document.withBytes(of: record) { String(decoding: $0, as: UTF8.self) } }
        return record.length >= LongScalarCache.threshold ? document.longScalars.string(index, make) : make()
    }

    /// Whether this is a scalar whose text starts with `prefix`, compared on bytes without making a `String`
    /// (readers test every key of every mapping for `x-` extensions).
    public func scalarHasPrefix(_ prefix: StaticString) -> Bool {
        let record = record
        guard record.kind == .scalar, Int(record.length) >= prefix.utf8CodeUnitCount else { return false }
        return document.withBytes(of: record) { bytes in
            prefix.withUTF8Buffer { wanted in
                bytes.prefix(wanted.count).elementsEqual(wanted)
            }
        }
    }

    /// The style of a scalar node; `nil` for collections.
    public var scalarStyle: ScalarStyle? {
        let record = record
        guard record.kind == .scalar else { return nil }
        switch record.style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        default: return .plain
        }
    }

    /// Whether the scalar was single or double quoted, or a literal or folded block
    /// (anything but plain). `false` for collections.
    public var isQuoted: Bool {
        let record = record
        return record.kind == .scalar && record.style != .plain
    }

    /// Whether the node is a scalar whose text is exactly `text`, compared without allocating.
    public func hasScalar(_ text: String) -> Bool {
        let record = record
        // Lengths first (a native string knows its UTF-8 count): most candidates differ there.
        guard record.kind == .scalar, Int(record.length) == text.utf8.count else { return false }
        var text = text
        return text.withUTF8 { wanted in
            document.withBytes(of: record) { bytes in
                bytesEqual(bytes.baseAddress, 0, wanted.baseAddress, wanted.count)
            }
        }
    }

    /// A plain `null`, `Null`, `NULL`, `~` or empty scalar, or any scalar tagged `!!null`.
    public var isNull: Bool {
        let record = record
        guard record.kind == .scalar else { return false }
        switch plainReading(of: record, as: CoreTag.null) {
        case .tagged: return true
        case .notApplicable: return false
        case .plain:
            return document.withBytes(of: record) { ScalarSyntax.isNull($0) }
        }
    }

    /// `true` or `false` for a plain `true`/`false` in any letter case (or a `!!bool` scalar);
    /// `nil` otherwise. A quoted `"true"` is a string, not a Boolean.
    public var bool: Bool? {
        let record = record
        guard record.kind == .scalar, plainReading(of: record, as: CoreTag.bool) != .notApplicable else { return nil }
        return document.withBytes(of: record) { ScalarSyntax.bool($0) }
    }

    /// The value of a plain integer (decimal with optional sign, `0x` hex or `0o` octal;
    /// or a `!!int` scalar); `nil` otherwise, and on overflow.
    public var int: Int? {
        let record = record
        guard record.kind == .scalar, plainReading(of: record, as: CoreTag.int) != .notApplicable else { return nil }
        return document.withBytes(of: record) { ScalarSyntax.int($0) }
    }

    /// The value of a plain number: an integer as for ``int`` (also beyond `Int`'s range),
    /// a decimal or exponent float, or `.inf`, `-.inf`, `.nan` in their core-schema spellings
    /// (or a `!!float`/`!!int` scalar); `nil` otherwise.
    public var double: Double? {
        let record = record
        guard record.kind == .scalar else { return nil }
        if plainReading(of: record, as: CoreTag.float) == .notApplicable,
           plainReading(of: record, as: CoreTag.int) == .notApplicable {
            return nil
        }
        return document.withBytes(of: record) { ScalarSyntax.double($0) }
    }

    /// How a scalar may be read as a core-schema type.
    private enum Reading { case plain, tagged, notApplicable }

    /// `.tagged` when explicitly tagged with `coreTag`, `.plain` for an untagged plain
    /// scalar, `.notApplicable` otherwise (quoted, or tagged with another tag).
    private func plainReading(of record: NodeRecord, as coreTag: String) -> Reading {
        if record.flags & NodeRecord.hasTag != 0 {
            return document.tags[index] == coreTag ? .tagged : .notApplicable
        }
        return record.style == .plain ? .plain : .notApplicable
    }
}

/// The YAML core-schema tags, as libyaml resolves the `!!` shorthand.
enum CoreTag {
    static let null = "tag:yaml.org,2002:null"
    static let bool = "tag:yaml.org,2002:bool"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let merge = "tag:yaml.org,2002:merge"
}

extension YAMLDocument {
    /// Calls `body` with the bytes of a scalar record.
    func withBytes<R>(of record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        scalarBytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(record.start)..<Int(record.start) + Int(record.length)]))
        }
    }
}
