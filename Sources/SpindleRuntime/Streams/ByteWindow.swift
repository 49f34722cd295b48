/// The bytes of a stream received but not yet consumed, and where they are in the stream.
///
/// Parsers append chunks as they arrive and consume from the front; consumed bytes are dropped in bulk
/// once they are most of the storage, so splitting a long stream into items stays linear.
struct ByteWindow {
    private var storage: [UInt8] = []
    private var start = 0
    /// The offset in the stream of the first unconsumed byte.
    private(set) var offset: Int64 = 0

    /// The unconsumed bytes; indices are those of the storage, so keep them only until the next change.
    var bytes: ArraySlice<UInt8> { storage[start...] }

    var isEmpty: Bool { start == storage.count }
    var count: Int { storage.count - start }

    mutating func append(_ chunk: some Collection<UInt8>) {
        if start == storage.count {
            storage.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 64 * 1024 && start * 2 >= storage.count {
            storage.removeFirst(start)
            start = 0
        }
        storage.append(contentsOf: chunk)
    }

    /// Drops `count` bytes from the front.
    mutating func consume(_ count: Int) {
        start += count
        offset += Int64(count)
    }

    /// Drops the bytes up to `index` (an index of ``bytes``).
    mutating func consume(upTo index: Int) {
        consume(index - start)
    }

    /// The offset in the stream of the byte at `index` (an index of ``bytes``).
    func offset(of index: Int) -> Int64 {
        offset + Int64(index - start)
    }
}

/// The bytes of the UTF-8 byte order mark, which a stream may start with.
let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

extension ByteWindow {
    /// Drops a leading byte order mark. Returns `false` while too few bytes have arrived to tell.
    mutating func dropByteOrderMark(atEnd: Bool) -> Bool {
        let head = bytes.prefix(3)
        if head.elementsEqual(utf8ByteOrderMark) {
            consume(3)
            return true
        }
        return atEnd || head.count == 3 || !utf8ByteOrderMark.starts(with: head)
    }
}
