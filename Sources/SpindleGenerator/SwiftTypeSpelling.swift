import Foundation
import SpindleIR

/// Spells IR types as Swift source.
struct SwiftTypeSpelling {
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

    /// A named type's path as written inside `scope`. Paths are absolute, so when a type nested
    /// along the scope has the same name as the path's first (top-level) name, Swift would find the
    /// nested one first: the module name disambiguates.
    func qualified(_ path: [String], in scope: [String]) -> String {
        let name = path.joined(separator: ".")
        guard let first = path.first, !scope.isEmpty else { return name }
        for depth in stride(from: scope.count, through: 1, by: -1) where nestedNames(Array(scope.prefix(depth))).contains(first) {
            return moduleName + "." + name
        }
        return name
    }

    /// Names of types nested directly in `path`.
    let nestedNames: ([String]) -> Set<String>
    /// The type at a path.
    let lookup: ([String]) -> IRType?
}

/// The line length generated code keeps to (the repository's `.swift-format` uses the same).
let lineLimit = 120

/// Doc comment lines from spec text: one `///` line per source line, wrapped at a readable width.
func docLines(_ text: String?, width: Int = 92) -> [String] {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        lines.append(line)
    }
    return lines.map { $0.replacingOccurrences(of: "*/", with: "* /") }
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
