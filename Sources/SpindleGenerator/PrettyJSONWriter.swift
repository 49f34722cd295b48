/// Writes JSON laid out the way `JSONEncoder` lays it out with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, keys in `String` order), for
/// files that are written on every generation and reviewed in diffs.
///
/// `JSONEncoder` took 428M instructions, on one core, for Stripe's 1.7 MB API surface; this writer
/// appends bytes to one buffer.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isFirst = true

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A string literal (see ``appendJSONString(_:to:)``).
    mutating func string(_ value: String) {
        appendJSONString(value, to: &bytes)
    }

    /// An object with `members` in sorted key order.
    mutating func object<Value>(_ members: [String: Value], _ write: (inout PrettyJSONWriter, Value) -> Void) {
        object { writer in
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                writer.member(key) { write(&$0, value) }
            }
        }
    }

    /// An object whose members `body` writes with ``member(_:_:)``, in sorted key order.
    mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// A number or `true`/`false`, written as `JSONEncoder` writes them.
    mutating func literal(_ value: some CustomStringConvertible) {
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func array(_ elements: [String]) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for element in elements {
                writer.startElement()
                writer.string(element)
            }
        }
    }

    mutating func member(_ key: String, _ value: (inout PrettyJSONWriter) -> Void) {
        startElement()
        string(key)
        bytes.append(contentsOf: " : ".utf8)
        value(&self)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSONWriter) -> Void) {
        bytes.append(open)
        let outerFirst = isFirst
        isFirst = true
        depth += 1
        body(&self)
        depth -= 1
        // An empty container still spans two lines, as `JSONEncoder` writes it.
        if isFirst { bytes.append(0x0A) }
        newline()
        bytes.append(close)
        isFirst = outerFirst
    }

    private mutating func startElement() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// Appends `value` as a JSON string literal, escaped as `JSONEncoder` escapes it: quotes, backslashes
/// and control characters; everything else, `/` and non-ASCII included, as is. Runs without an escape
/// are copied whole.
func appendJSONString(_ value: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case ..<0x20:
                bytes.append(contentsOf: [
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
                ])
            default:
                bytes.append(byte)  // `"` or `\`
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
}
