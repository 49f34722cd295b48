/// Reads positions in JSON text without building values: where a value ends, an object's members, an array's
/// elements, a number's text. For ``JSONSourceDocument``, which looks numbers up in a document a decoder has
/// already accepted; anything unexpected gives `nil`, never a trap.
struct JSONByteScanner {
    let bytes: [UInt8]

    /// The first non-whitespace position at or after `offset` (after a byte order mark at the start).
    func skipWhitespace(_ offset: Int) -> Int {
        var offset = offset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : offset
        while offset < bytes.count, Self.isWhitespace(bytes[offset]) {
            offset += 1
        }
        return offset
    }

    /// The position after the value starting at `offset`.
    func end(ofValueAt offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "\""):
            return end(ofStringAt: offset)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = offset
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let after = end(ofStringAt: index) else { return nil }
                    index = after
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return nil
        default:
            // A number or a literal: up to the next delimiter.
            var index = offset
            while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The members of the object at `offset`: each name and where its value starts (a repeated name keeps its
    /// first value, as ``member(_:ofObjectAt:)`` finds it).
    func members(ofObjectAt offset: Int) -> [String: Int]? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { return nil }
        var members: [String: Int] = [:]
        var index = skipWhitespace(offset + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return members }
        while index < bytes.count {
            guard let name = string(at: index), let nameEnd = end(ofStringAt: index) else { return nil }
            index = skipWhitespace(nameEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipWhitespace(index + 1)
            guard let valueEnd = end(ofValueAt: valueStart) else { return nil }
            if members[name] == nil { members[name] = valueStart }
            index = skipWhitespace(valueEnd)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return members }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(index + 1)
        }
        return nil
    }

    /// Where the value of the member `name` of the object at `offset` starts, found by reading the members in
    /// order without building anything. A repeated name gives its first value; the caller checks the number
    /// against the decoder's.
    func member(_ name: String, ofObjectAt offset: Int) -> Int? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { return nil }
        var index = skipWhitespace(offset + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return nil }
        while index < bytes.count {
            guard let nameEnd = end(ofStringAt: index) else { return nil }
            let matches = isString(at: index, end: nameEnd, equalTo: name)
            index = skipWhitespace(nameEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipWhitespace(index + 1)
            if matches { return valueStart }
            guard let valueEnd = end(ofValueAt: valueStart) else { return nil }
            index = skipWhitespace(valueEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(index + 1)
        }
        return nil
    }

    /// Where each element of the array at `offset` starts.
    func elements(ofArrayAt offset: Int) -> [Int]? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "[") else { return nil }
        var elements: [Int] = []
        var index = skipWhitespace(offset + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return elements }
        while index < bytes.count {
            guard let valueEnd = end(ofValueAt: index) else { return nil }
            elements.append(index)
            index = skipWhitespace(valueEnd)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return elements }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipWhitespace(index + 1)
        }
        return nil
    }

    /// The number at `offset`, with its text as written.
    func number(at offset: Int) -> JSONNumber? {
        guard offset < bytes.count,
              bytes[offset] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]),
              let end = end(ofValueAt: offset)
        else { return nil }
        return JSONNumber(text: String(decoding: bytes[offset..<end], as: UTF8.self))
    }

    /// Whether the string from `offset` to `end` (quotes included) is `name`.
    private func isString(at offset: Int, end: Int, equalTo name: String) -> Bool {
        let content = bytes[(offset + 1)..<(end - 1)]
        guard content.contains(UInt8(ascii: "\\")) else { return content.elementsEqual(name.utf8) }
        return string(at: offset) == name
    }

    /// The string at `offset`, unescaped.
    private func string(at offset: Int) -> String? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\""), let end = end(ofStringAt: offset) else {
            return nil
        }
        let content = bytes[(offset + 1)..<(end - 1)]
        guard content.contains(UInt8(ascii: "\\")) else { return String(decoding: content, as: UTF8.self) }
        var parser = JSONParser(bytes: Array(bytes[offset..<end]))
        guard case .string(let string)? = try? parser.parseDocument() else { return nil }
        return string
    }

    /// The position after the closing quote of the string at `offset`.
    private func end(ofStringAt offset: Int) -> Int? {
        var index = offset + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isWhitespace(byte)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
