/// Finishing a mapping: duplicate-key checks and YAML merge keys (`<<`).
extension TreeBuilder {
    /// Appends the pairs of the mapping whose raw pairs start at `scratchBase` to `children`,
    /// reporting duplicate keys and applying merge keys (explicit keys win over merged
    /// ones; among merged mappings, earlier ones win). Merged pairs take the place of the
    /// `<<` pair; `<<` itself is not stored.
    mutating func appendMappingChildren(from scratchBase: Int) {
        if scratch.count - scratchBase <= 2 * Self.smallMapping, appendSmallMappingChildren(from: scratchBase) {
            return
        }
        var keys = KeySet()
        swap(&keys, &keySet)
        defer { swap(&keys, &keySet) }
        keys.removeAll()

        // Explicit keys first: duplicates are errors, and they override merged keys.
        var hasMerge = false
        var slot = scratchBase
        while slot < scratch.count {
            let key = scratch[slot]
            slot += 2
            if isMergeKey(key) {
                hasMerge = true
                continue
            }
            guard nodes[Int(key)].kind == .scalar else { continue }
            if let first = insert(key, into: &keys) { reportDuplicate(key, first: first) }
        }
        guard hasMerge else {
            children.append(contentsOf: scratch[scratchBase...])
            return
        }

        slot = scratchBase
        while slot < scratch.count {
            let key = scratch[slot]
            let value = scratch[slot + 1]
            slot += 2
            guard isMergeKey(key) else {
                children.append(key)
                children.append(value)
                continue
            }
            let source = nodes[Int(value)]
            switch source.kind {
            case .mapping:
                merge(value, into: &keys)
            case .sequence:
                let start = Int(source.start)
                var reported = false
                for position in start..<start + Int(source.length) {
                    let element = children[position]
                    if nodes[Int(element)].kind == .mapping {
                        merge(element, into: &keys)
                    } else if !reported {
                        reported = true
                        diagnostics.error("a merge key ('<<') sequence may only contain mappings",
                                          at: location(of: value))
                    }
                }
            case .scalar:
                diagnostics.error("the value of a merge key ('<<') must be a mapping or a sequence of mappings",
                                  at: location(of: value))
            }
        }
    }

    /// Mappings with at most this many pairs are checked by pairwise comparison.
    static var smallMapping: Int { 8 }

    /// The common case: a small mapping without merge keys, checked pairwise without
    /// hashing. Returns false (having done nothing) if the mapping has a merge key.
    private mutating func appendSmallMappingChildren(from scratchBase: Int) -> Bool {
        var duplicates: [(first: UInt32, second: UInt32)] = []
        var hasMerge = false
        nodes.withUnsafeBufferPointer { nodes in
            scalars.withUnsafeBufferPointer { bytes in
                scratch.withUnsafeBufferPointer { scratch in
                    var slot = scratchBase
                    while slot < scratch.count {
                        let key = scratch[slot]
                        let record = nodes[Int(key)]
                        if record.kind == .scalar {
                            if isMergeKey(key, record, bytes) {
                                hasMerge = true
                                return
                            }
                            var earlier = scratchBase
                            while earlier < slot {
                                let other = nodes[Int(scratch[earlier])]
                                if other.kind == .scalar, other.length == record.length,
                                   bytesEqual(bytes.baseAddress, Int(other.start),
                                              bytes.baseAddress.map { $0 + Int(record.start) }, Int(record.length)) {
                                    duplicates.append((scratch[earlier], key))
                                    break
                                }
                                earlier += 2
                            }
                        }
                        slot += 2
                    }
                }
            }
        }
        if hasMerge { return false }
        for (first, second) in duplicates { reportDuplicate(second, first: first) }
        children.append(contentsOf: scratch[scratchBase...])
        return true
    }

    private mutating func reportDuplicate(_ key: UInt32, first: UInt32) {
        diagnostics.error("duplicate key '\(text(of: key))' (first defined at \(location(of: first)))",
                          at: location(of: key))
    }

    /// Appends the pairs of the finished mapping `source` whose keys are not in `keys` yet.
    private mutating func merge(_ source: UInt32, into keys: inout KeySet) {
        let record = nodes[Int(source)]
        var slot = Int(record.start)
        let end = slot + Int(record.length)
        while slot < end {
            let key = children[slot]
            let value = children[slot + 1]
            slot += 2
            if nodes[Int(key)].kind == .scalar, insert(key, into: &keys) != nil { continue }
            children.append(key)
            children.append(value)
        }
    }

    /// Inserts a scalar key node into `keys`; returns the equal key already there, if any.
    private func insert(_ key: UInt32, into keys: inout KeySet) -> UInt32? {
        nodes.withUnsafeBufferPointer { nodes in
            scalars.withUnsafeBufferPointer { bytes in
                keys.insert(key, nodes: nodes, bytes: bytes)
            }
        }
    }

    /// A plain `<<` scalar, or one tagged `!!merge`.
    private func isMergeKey(_ index: UInt32) -> Bool {
        scalars.withUnsafeBufferPointer { isMergeKey(index, nodes[Int(index)], $0) }
    }

    /// A plain `<<` scalar, or one tagged `!!merge`, given its record and the scalar bytes.
    private func isMergeKey(_ index: UInt32, _ record: NodeRecord, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard record.kind == .scalar else { return false }
        if record.flags & NodeRecord.hasTag != 0 { return tags[index] == CoreTag.merge }
        return record.style == .plain && record.length == 2
            && bytes[Int(record.start)] == UInt8(ascii: "<") && bytes[Int(record.start) + 1] == UInt8(ascii: "<")
    }
}
