import Foundation

/// The value and parameters of a header field such as `Content-Type: multipart/form-data; boundary=x` or
/// `Content-Disposition: form-data; name="a"; filename="b.txt"` (RFC 9110 section 5.6.6).
struct HeaderParameters {
    /// The part before the first `;`, trimmed, e.g. `form-data`.
    var value: String
    /// Parameters by lower-cased name, unquoted. `name*=UTF-8''…` (RFC 8187) is decoded and wins over `name`.
    var parameters: [String: String]

    init(_ text: String) {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes && character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                current.append(character)
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        value = pieces[0].trimmingSpaces
        var parameters: [String: String] = [:]
        var extended: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingSpaces.lowercased()
            let raw = piece[piece.index(after: equals)...].trimmingSpaces
            if name.hasSuffix("*") {
                if let decoded = Self.extendedValue(raw) { extended[String(name.dropLast())] = decoded }
            } else {
                parameters[name] = Self.unquoted(raw)
            }
        }
        self.parameters = parameters.merging(extended) { _, decoded in decoded }
    }

    subscript(name: String) -> String? { parameters[name.lowercased()] }

    /// `"a \"b\""` -> `a "b"`; a token stays as it is.
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }

    /// RFC 8187: `UTF-8'lang'percent-encoded`; other charsets are not decoded.
    private static func extendedValue(_ text: String) -> String? {
        let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(self[first...last])
    }
}
