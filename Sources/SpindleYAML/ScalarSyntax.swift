/// Recognisers for the YAML 1.2 core schema, working on UTF-8 bytes without allocating.
enum ScalarSyntax {
    /// `null`, `Null`, `NULL`, `~` or empty.
    static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text.count {
        case 0: return true
        case 1: return text[0] == UInt8(ascii: "~")
        case 4: return matches(text, "null") || matches(text, "Null") || matches(text, "NULL")
        default: return false
        }
    }

    /// `true` / `false` in any letter case.
    static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if text.count == 4, matchesIgnoringCase(text, "true") { return true }
        if text.count == 5, matchesIgnoringCase(text, "false") { return false }
        return nil
    }

    /// `[-+]?[0-9]+`, `0x[0-9a-fA-F]+` or `0o[0-7]+`; nil when malformed or out of range.
    static func int(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.count > 2, text[0] == UInt8(ascii: "0") {
            if text[1] == UInt8(ascii: "x") { return accumulate(text, from: 2, radix: 16, negative: false) }
            if text[1] == UInt8(ascii: "o") { return accumulate(text, from: 2, radix: 8, negative: false) }
        }
        var start = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            start = 1
        }
        guard start < text.count else { return nil }
        return accumulate(text, from: start, radix: 10, negative: negative)
    }

    /// An integer form as for ``int(_:)`` (any magnitude), a core-schema float, or the
    /// `.inf` / `.nan` spellings.
    static func double(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !text.isEmpty else { return nil }
        if let value = int(text) { return Double(value) }
        if text.count > 2, text[0] == UInt8(ascii: "0"),
           text[1] == UInt8(ascii: "x") || text[1] == UInt8(ascii: "o") {
            return radixDouble(text, radix: text[1] == UInt8(ascii: "x") ? 16 : 8)
        }
        var position = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            position = 1
        }
        let rest = UnsafeBufferPointer(rebasing: text[position...])
        if matches(rest, ".inf") || matches(rest, ".Inf") || matches(rest, ".INF") {
            return negative ? -.infinity : .infinity
        }
        if position == 0, matches(rest, ".nan") || matches(rest, ".NaN") || matches(rest, ".NAN") {
            return .nan
        }
        guard isDecimalFloat(rest) else { return nil }
        return Double(String(decoding: text, as: UTF8.self))
    }

    /// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isDecimalFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        let count = text.count
        func digits() -> Int {
            let begin = position
            while position < count, isDigit(text[position]) { position += 1 }
            return position - begin
        }
        let integerDigits = digits()
        if position < count, text[position] == UInt8(ascii: ".") {
            position += 1
            let fractionDigits = digits()
            if integerDigits == 0, fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if position < count, text[position] == UInt8(ascii: "e") || text[position] == UInt8(ascii: "E") {
            position += 1
            if position < count, text[position] == UInt8(ascii: "-") || text[position] == UInt8(ascii: "+") {
                position += 1
            }
            if digits() == 0 { return false }
        }
        return position == count
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// Digits from `start` in `radix`, accumulated negatively for negative values so
    /// that `Int.min` is representable; nil on a bad digit, no digits or overflow.
    private static func accumulate(_ text: UnsafeBufferPointer<UInt8>, from start: Int, radix: Int, negative: Bool) -> Int? {
        guard start < text.count else { return nil }
        var value = 0
        for position in start..<text.count {
            guard let digit = digitValue(text[position], radix: radix) else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// A hex or octal integer too large for `Int`, as a `Double`.
    private static func radixDouble(_ text: UnsafeBufferPointer<UInt8>, radix: Int) -> Double? {
        var value = 0.0
        for position in 2..<text.count {
            guard let digit = digitValue(text[position], radix: radix) else { return nil }
            value = value * Double(radix) + Double(digit)
        }
        return value
    }

    /// Exact byte comparison with an ASCII literal.
    static func matches(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for position in 0..<text.count where text[position] != expected[position] { return false }
        return true
    }

    /// Comparison with a lowercase ASCII-letter literal, ignoring letter case.
    private static func matchesIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for position in 0..<text.count where text[position] | 0x20 != expected[position] { return false }
        return true
    }
}
