import Foundation

/// Splits an `application/json-seq` body (RFC 7464) into its items as the bytes arrive: each item is an
/// RS (0x1E), a JSON text and an LF.
///
/// An item is complete at the first LF after a whole JSON value (a JSON text may span lines, so the
/// nesting of brackets and strings is followed), and is handed on at once. An item that the next RS or the
/// end of the stream cuts short is ``StreamDecodingError/Kind/truncated``, as section 2.4 of the RFC asks;
/// consecutive RS bytes are allowed and skipped. Bytes other than whitespace outside an item are an error.
struct JSONSequenceParser {
    private static let recordSeparator: UInt8 = 0x1E

    private let maxItemBytes: Int
    private var window = ByteWindow()
    private var index = 0

    // The item being read: its bytes start at the front of the window, after its RS.
    private var inItem = false
    private var itemOffset: Int64 = 0
    private var scanned = 0
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var hasValue = false

    init(maxItemBytes: Int) {
        self.maxItemBytes = maxItemBytes
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        window.append(chunk)
    }

    /// The next complete item received; at the end of the stream (`atEnd`), an unfinished item is an error.
    mutating func next(atEnd: Bool) throws(StreamDecodingError) -> StreamItem? {
        while true {
            if !inItem {
                guard try skipToItem() else { return nil }
            }
            let bytes = window.bytes
            var position = bytes.startIndex + scanned
            while position < bytes.endIndex {
                let byte = bytes[position]
                if byte == Self.recordSeparator {
                    if hasValue { throw truncated(upTo: position) }
                    // An empty item (RS RS): the new RS starts the item again.
                    window.consume(upTo: position + 1)
                    startItem()
                    return try next(atEnd: atEnd)
                }
                if byte == 10 && depth <= 0 && !inString && hasValue {
                    let item = StreamItem(bytes: Array(bytes[bytes.startIndex..<position]), index: index, offset: itemOffset)
                    window.consume(upTo: position + 1)
                    inItem = false
                    index += 1
                    return item
                }
                track(byte)
                position += 1
            }
            scanned = position - bytes.startIndex
            if scanned > maxItemBytes {
                throw StreamDecodingError(
                    format: .jsonSequence, kind: .tooLarge(limit: maxItemBytes), index: index, offset: itemOffset,
                    message: "The item is larger than the limit of \(maxItemBytes) bytes.")
            }
            if atEnd && hasValue { throw truncated(upTo: bytes.endIndex) }
            return nil
        }
    }

    /// Consumes whitespace up to the next RS and starts an item after it; `false` if none has arrived.
    private mutating func skipToItem() throws(StreamDecodingError) -> Bool {
        let bytes = window.bytes
        for position in bytes.indices {
            switch bytes[position] {
            case Self.recordSeparator:
                window.consume(upTo: position + 1)
                startItem()
                return true
            case 32, 9, 10, 13:
                continue
            default:
                throw StreamDecodingError(
                    format: .jsonSequence, kind: .malformed, index: index, offset: window.offset(of: position),
                    message: "Expected a record separator (0x1E) before the item.")
            }
        }
        window.consume(upTo: bytes.endIndex)
        return false
    }

    private mutating func startItem() {
        inItem = true
        itemOffset = window.offset - 1
        scanned = 0
        depth = 0
        inString = false
        escaped = false
        hasValue = false
    }

    /// Follows strings and brackets, so an LF inside a value does not end the item.
    private mutating func track(_ byte: UInt8) {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return
        }
        switch byte {
        case 32, 9, 10, 13: return
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
        default: break
        }
        hasValue = true
    }

    private func truncated(upTo end: Int) -> StreamDecodingError {
        StreamDecodingError(
            format: .jsonSequence, kind: .truncated, index: index, offset: itemOffset,
            message: "The item ends before its JSON text and LF are complete.", item: Data(window.bytes[..<end]))
    }
}
