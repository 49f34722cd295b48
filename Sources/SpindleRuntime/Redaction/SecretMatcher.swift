import Foundation

/// Finds secrets in text in every form a server may echo them.
///
/// A secret is searched for as written and as base64 and base64url (with and without padding), and each of
/// those forms is recognised however its bytes are escaped: percent-encoded with upper- or lower-case hex
/// (also twice, as in a URL carried inside another URL's query), with `+` for a space as forms write it, a
/// space for a `+` as a form decoder reads one, and JSON's `\/`, `\\`, `\"` and `\u00XX`. Any mix of escaped
/// and literal bytes matches, so every encoder's choice of which characters to escape is covered without
/// listing encoders.
///
/// Built from a set of secret strings, so a client with several credentials (one per security scheme) hides
/// all of them.
struct SecretMatcher: Sendable {
    /// The UTF-8 forms searched for, longest first, so a form is replaced before a shorter one it contains.
    private let forms: [[UInt8]]

    /// Secrets shorter than this are not searched for: they would mangle unrelated text and hide little.
    static let minimumLength = 4

    init(secrets: some Sequence<String>) {
        var forms: Set<[UInt8]> = []
        for secret in secrets where secret.count >= Self.minimumLength {
            forms.insert(Array(secret.utf8))
            let base64 = Data(secret.utf8).base64EncodedString()
            let base64URL = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            for encoded in [base64, base64URL] {
                forms.insert(Array(encoded.utf8))
                forms.insert(Array(encoded.utf8.prefix { $0 != UInt8(ascii: "=") }))
            }
        }
        self.forms = forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// Whether there is nothing to search for.
    var isEmpty: Bool { forms.isEmpty }

    /// Whether `text` holds a secret in any form.
    func contains(_ text: String) -> Bool {
        guard !forms.isEmpty else { return false }
        let bytes = Array(text.utf8)
        return bytes.indices.contains { match(in: bytes, at: $0) != nil }
    }

    /// `text` with every secret, in any form, replaced by `placeholder`.
    func replacing(in text: String, with placeholder: String) -> String {
        guard !forms.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var copiedUpTo = 0
        var index = 0
        while index < bytes.count {
            if let end = match(in: bytes, at: index) {
                output += bytes[copiedUpTo..<index]
                output += placeholder.utf8
                index = end
                copiedUpTo = end
            } else {
                index += 1
            }
        }
        guard copiedUpTo > 0 else { return text }
        output += bytes[copiedUpTo...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The end of the longest form of a secret that starts at `start`, if one does.
    private func match(in text: [UInt8], at start: Int) -> Int? {
        guard Self.canStartEscape(text[start]) || forms.contains(where: { $0.first == text[start] }) else { return nil }
        for form in forms {
            if let end = Self.end(of: form, in: text, at: start) { return end }
        }
        return nil
    }

    private static func canStartEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: " ")
    }

    /// Where `form` ends if `text` spells it from `start`. Several spellings of a byte can apply at once (a
    /// literal `%` that also starts an escape), so every position reachable so far is carried along.
    private static func end(of form: [UInt8], in text: [UInt8], at start: Int) -> Int? {
        var positions = [start]
        var next: [Int] = []
        for byte in form {
            next.removeAll(keepingCapacity: true)
            for position in positions {
                appendSpellingEnds(of: byte, in: text, at: position, to: &next)
            }
            guard !next.isEmpty else { return nil }
            swap(&positions, &next)
        }
        return positions.max()
    }

    /// Adds to `ends` the positions after each way `text` can spell `byte` at `position`.
    private static func appendSpellingEnds(of byte: UInt8, in text: [UInt8], at position: Int, to ends: inout [Int]) {
        guard position < text.count else { return }
        func add(_ end: Int) {
            if !ends.contains(end) { ends.append(end) }
        }
        let found = text[position]
        if found == byte { add(position + 1) }
        switch found {
        case UInt8(ascii: "+") where byte == UInt8(ascii: " "), UInt8(ascii: " ") where byte == UInt8(ascii: "+"):
            add(position + 1)
        case UInt8(ascii: "%"):
            // `%2B`, and `%252B` for a value that was percent-encoded twice (or more).
            var escapeStart = position
            while let value = hexByte(in: text, at: escapeStart + 1) {
                let end = escapeStart + 3
                if value == byte { add(end) }
                guard value == UInt8(ascii: "%") else { break }
                // The decoded `%` and the next two characters are the next escape: `%25` then `2B`.
                escapeStart = end - 1
            }
        case UInt8(ascii: "\\"):
            if let end = jsonEscapeEnd(of: byte, in: text, at: position) { add(end) }
        default:
            break
        }
    }

    /// `\/`, `\\`, `\"` and `\u00XX` spelling `byte`.
    private static func jsonEscapeEnd(of byte: UInt8, in text: [UInt8], at position: Int) -> Int? {
        guard position + 1 < text.count else { return nil }
        let escaped = text[position + 1]
        if escaped == byte, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") {
            return position + 2
        }
        guard escaped == UInt8(ascii: "u"), byte < 0x80, position + 5 < text.count,
              let high = hexByte(in: text, at: position + 2), high == 0,
              let low = hexByte(in: text, at: position + 4), low == byte
        else { return nil }
        return position + 6
    }

    /// The byte two hex digits (either case) at `position` spell.
    private static func hexByte(in text: [UInt8], at position: Int) -> UInt8? {
        guard position + 1 < text.count, let high = hexValue(text[position]), let low = hexValue(text[position + 1])
        else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
