import Foundation
import SpindleIR

/// Spells IR types as Swift source.
struct SwiftTypeSpelling: Sendable {
    let moduleName: String

    /// The Swift type of `type` as written inside the type at `scope` (empty for top level).
    func spell(_ type: IRTypeRef, in scope: [String] = []) -> String {
        Self.spell(type) { qualified($0, in: scope) }
    }

    /// The Swift type of `type`, with generated types written by `named`.
    static func spell(_ type: IRTypeRef, named: ([String]) -> String) -> String {
        switch type {
        case .string: "String"
        case .dateTime, .unixTime: "Date"
        case .date: "CalendarDate"
        case .data: "Data"
        case .integer(let bits): bits.map { "Int\($0)" } ?? "Int"
        case .number(let isFloat): isFloat ? "Float" : "Double"
        case .boolean: "Bool"
        case .json: "JSONValue"
        case .array(let element): "[\(spell(element, named: named))]"
        case .map(let value): "[String: \(spell(value, named: named))]"
        case .named(let path): named(path)
        }
    }

    /// A named type's path as written inside `scope`. Paths are absolute, so when a type along the
    /// scope declares something with the same name as the path's first (top-level) name, Swift would
    /// find that first: a nested type, or a member, which in an expression (`_200.self`) is the
    /// property `_200` rather than the type. The module name disambiguates.
    func qualified(_ path: [String], in scope: [String]) -> String {
        let declaredPath = declared(path)
        let name = declaredPath.joined(separator: ".")
        guard let first = declaredPath.first, !scope.isEmpty else { return name }
        for depth in stride(from: scope.count, through: 1, by: -1) where declaredNames(Array(scope.prefix(depth))).contains(first) {
            return moduleName + "." + name
        }
        return name
    }

    /// Names declared directly in the type at a path: its nested types, properties, enum cases and
    /// union cases.
    let declaredNames: @Sendable ([String]) -> Set<String>
    /// The type at a path.
    let lookup: @Sendable ([String]) -> IRType?
    /// The path a type is declared at: its own, unless a type along it is deprecated (``DeprecatedTypeNames``).
    let declared: @Sendable ([String]) -> [String]
}

extension IRType {
    /// The names declared directly inside the generated type: nested types and the members the spec
    /// names (properties, enum cases, union cases).
    var declaredNames: Set<String> {
        var names = Set(nested.map(\.name))
        switch kind {
        case .object(let object): names.formUnion(object.properties.map(\.swiftName))
        case .enumeration(let enumeration): names.formUnion(enumeration.cases.map(\.swiftName))
        case .union(let union): names.formUnion(union.variants.map(\.swiftName))
        case .wrapper: names.insert("value")
        case .multipartForm(let form): names.formUnion(form.parts.map(\.swiftName) + ["form"])
        case .alias: break
        }
        return names
    }
}

/// The line length generated code keeps to (the repository's `.swift-format` uses the same).
let lineLimit = 120

/// Doc comment lines from spec text: one `///` line per source line, wrapped at a readable width.
///
/// Scans UTF-8 bytes once, with plain loops that stay fast in debug builds too: a spec may carry
/// a 50 MB description. Lines break at every line break Swift ends a comment at (`\n`, `\r\n`,
/// a lone `\r`, U+000B, U+000C, U+0085, U+2028, U+2029); words are separated by spaces; widths
/// count characters.
func docLines(_ text: String?, width: Int = 92) -> [String] {
    guard let text, let first = text.firstIndex(where: { !$0.isWhitespace }),
        let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return [] }
    var trimmed = String(text[first...last])
    // NUL is the header placeholder, and the compiler warns about it in a comment.
    if trimmed.utf8.contains(0) { trimmed = trimmed.replacing("\u{0}", with: "\u{2400}") }
    return trimmed.withUTF8 { bytes in
        var lines: [String] = []
        var line = ""
        var lineCount = 0
        var wordStart = 0
        var wordIsASCII = true
        /// Ends the word that runs up to `end`, wrapping the line when it does not fit.
        func endWord(_ end: Int) {
            guard end > wordStart else { return }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)
            let wordCount = wordIsASCII ? end - wordStart : word.count
            if lineCount > 0 && lineCount + wordCount + 1 > width {
                lines.append(escapingCommentEnd(line))
                line = ""
                lineCount = 0
            }
            if lineCount > 0 {
                line += " "
                lineCount += 1
            }
            line += word
            lineCount += wordCount
        }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // The length of a line break starting here, 0 if there is none.
            var breakLength = 0
            if byte == 0x0A || byte == 0x0B || byte == 0x0C {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2 {
                breakLength = index + 1 < count && bytes[index + 1] == 0x85 ? 2 : 0
            } else if byte == 0xE2 {
                breakLength =
                    index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
            }
            if breakLength > 0 {
                endWord(index)
                lines.append(escapingCommentEnd(line))
                line = ""
                lineCount = 0
                index += breakLength
                wordStart = index
                wordIsASCII = true
            } else if byte == 0x20 {
                endWord(index)
                index += 1
                wordStart = index
                wordIsASCII = true
            } else {
                if byte >= 0x80 { wordIsASCII = false }
                index += 1
            }
        }
        endWord(count)
        lines.append(escapingCommentEnd(line))
        return lines
    }
}

/// Spec text as part of one comment line: line breaks (which would end the comment and turn the rest
/// into code) become spaces, NUL becomes `␀`, `*/` is broken up.
func commentLine(_ text: String) -> String {
    docLines(text, width: .max).joined(separator: " ")
}

/// `*/` written as `* /`, so a doc line never closes a block comment.
private func escapingCommentEnd(_ line: String) -> String {
    var previous: UInt8 = 0
    for byte in line.utf8 {
        if previous == UInt8(ascii: "*") && byte == UInt8(ascii: "/") {
            return line.replacingOccurrences(of: "*/", with: "* /")
        }
        previous = byte
    }
    return line
}

/// A Swift string literal for `text`.
func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
