/// The set of scalar keys of one mapping under construction, compared by bytes.
///
/// Small mappings (the common case) use a linear scan; larger ones switch to an
/// open-addressing hash table. Storage is reused from mapping to mapping.
struct KeySet {
    /// Above this many keys the set hashes.
    private static let linearLimit = 8

    /// Key node indices in insertion order.
    private var members: [UInt32] = []
    /// FNV-1a hashes of `members` (only maintained while hashing).
    private var hashes: [UInt64] = []
    /// Open-addressing table of positions in `members`; -1 marks an empty slot.
    private var table: [Int32] = []
    private var hashing = false

    /// Empties the set, keeping storage.
    mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        hashing = false
    }

    /// Inserts the scalar key node `key`; returns the already-present equal key instead, if any.
    mutating func insert(_ key: UInt32, nodes: UnsafeBufferPointer<NodeRecord>, bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let record = nodes[Int(key)]
        if !hashing {
            for member in members where Self.equal(nodes[Int(member)], record, bytes) {
                return member
            }
            members.append(key)
            if members.count > Self.linearLimit { startHashing(nodes: nodes, bytes: bytes) }
            return nil
        }
        let hash = Self.hash(record, bytes)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 {
            let position = Int(table[slot])
            if hashes[position] == hash, Self.equal(nodes[Int(members[position])], record, bytes) {
                return members[position]
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(members.count)
        members.append(key)
        hashes.append(hash)
        if members.count * 2 > table.count { rebuildTable(capacity: table.count * 2) }
        return nil
    }

    private mutating func startHashing(nodes: UnsafeBufferPointer<NodeRecord>, bytes: UnsafeBufferPointer<UInt8>) {
        hashing = true
        hashes.removeAll(keepingCapacity: true)
        for member in members { hashes.append(Self.hash(nodes[Int(member)], bytes)) }
        rebuildTable(capacity: 64)
    }

    private mutating func rebuildTable(capacity: Int) {
        if table.count == capacity {
            for slot in table.indices { table[slot] = -1 }
        } else {
            table = [Int32](repeating: -1, count: capacity)
        }
        let mask = capacity - 1
        for position in members.indices {
            var slot = Int(truncatingIfNeeded: hashes[position]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(position)
        }
    }

    private static func equal(_ lhs: NodeRecord, _ rhs: NodeRecord, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.length == rhs.length else { return false }
        let base = bytes.baseAddress
        return bytesEqual(base, Int(lhs.start), base.map { $0 + Int(rhs.start) }, Int(rhs.length))
    }

    private static func hash(_ record: NodeRecord, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var position = Int(record.start)
        let end = position + Int(record.length)
        while position < end {
            hash = (hash ^ UInt64(bytes[position])) &* 0x0000_0100_0000_01b3
            position += 1
        }
        return hash
    }
}
