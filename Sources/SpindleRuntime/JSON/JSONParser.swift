import Foundation

/// A small RFC 8259 parser that keeps object member order and number digits, which `JSONSerialization` and
/// `JSONDecoder` do not.
struct JSONParser {
    struct Error: Swift.Error {
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 512

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(Error) -> JSONValue {
        skipByteOrderMark()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("Unexpected text after the JSON value") }
        return value
    }

    private mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private mutating func parseValue() throws(Error) -> JSONValue {
        skipWhitespace()
        guard let byte = peek() else { throw failure("Unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default:
            return .number(JSONNumber(scannedText: try scanNumber()))
        }
    }

    private mutating func parseObject() throws(Error) -> JSONValue {
        try enterContainer()
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("Expected a member name") }
            let key = try parseString()
            skipWhitespace()
            try expect(":")
            object[key] = try parseValue()
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect("}")
            depth -= 1
            return .object(object)
        }
    }

    private mutating func parseArray() throws(Error) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect("]")
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func enterContainer() throws(Error) {
        index += 1
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("Nesting is deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseString() throws(Error) -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        while true {
            guard let byte = peek() else { throw failure("Unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                try appendUTF8(bytes[runStart..<index], to: &scalars)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try appendUTF8(bytes[runStart..<index], to: &scalars)
                index += 1
                scalars.append(try parseEscape())
                runStart = index
            case 0x00..<0x20:
                throw failure("Unescaped control character in string")
            default:
                index += 1
            }
        }
    }

    private func appendUTF8(_ run: ArraySlice<UInt8>, to scalars: inout String.UnicodeScalarView) throws(Error) {
        guard !run.isEmpty else { return }
        // String(bytes:encoding:) rather than String(validating:as:), which needs macOS 15.
        guard let text = String(bytes: run, encoding: .utf8) else { throw failure("Invalid UTF-8 in string") }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    private mutating func parseEscape() throws(Error) -> Unicode.Scalar {
        guard let byte = peek() else { throw failure("Unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            if UTF16.isLeadSurrogate(unit) {
                guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else { throw failure("Unpaired surrogate") }
                index += 2
                let trail = try parseHex4()
                guard UTF16.isTrailSurrogate(trail) else { throw failure("Unpaired surrogate") }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("Invalid surrogate pair") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure("Unpaired surrogate") }
            return scalar
        default:
            throw failure("Invalid escape")
        }
    }

    private mutating func parseHex4() throws(Error) -> UInt16 {
        guard index + 4 <= bytes.count,
              let value = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("Invalid \\u escape") }
        index += 4
        return value
    }

    /// Scans a number token per the JSON grammar and returns its text.
    mutating func scanNumber() throws(Error) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard scanDigits() > 0 else { throw failure("Invalid value") }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard scanDigits() > 0 else { throw failure("Expected digits after the decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard scanDigits() > 0 else { throw failure("Expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func scanDigits() -> Int {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
        }
        return index - start
    }

    private mutating func expectLiteral(_ literal: String) throws(Error) {
        let expected = Array(literal.utf8)
        guard bytes[index...].starts(with: expected) else { throw failure("Invalid value") }
        index += expected.count
    }

    private mutating func expect(_ character: Character) throws(Error) {
        guard let ascii = character.asciiValue, peek() == ascii else { throw failure("Expected '\(character)'") }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            index += 1
        }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func failure(_ message: String) -> Error {
        Error(message: "\(message) at byte \(index)")
    }
}
