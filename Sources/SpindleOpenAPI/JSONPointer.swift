import Foundation

/// An RFC 6901 JSON pointer such as `/components/schemas/Money`.
///
/// Tokens are kept unescaped: `~1` becomes `/`, `~0` becomes `~`, and percent-encoding (as it
/// appears in URI fragments like `#/paths/~1customers%7Bid%7D`) is decoded.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The escaped text form, kept beside the tokens: every schema's location is a pointer one token longer
    /// than its parent's, and escaping the whole pointer again at each level made loading quadratic in depth.
    public let description: String

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
        description = tokens.reduce(into: "") { text, token in Self.appendEscaped(token, to: &text) }
    }

    // The escaped text determines the tokens (escaping is reversible), so it alone is the identity.
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    private init(tokens: [String], description: String) {
        self.tokens = tokens
        self.description = description
    }

    /// Parses the fragment part of a reference (without the leading `#`).
    ///
    /// Returns `nil` when the fragment is not a pointer (does not start with `/` and is not empty).
    public init?(fragment: String) {
        let decoded = fragment.utf8.contains(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? fragment : fragment
        if decoded.isEmpty {
            self.init(tokens: [])
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        self.init(
            tokens: decoded.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
                Self.unescape($0)
            })
    }

    /// Appends `/` and `token` escaped (`~` → `~0`, `/` → `~1`) to `text`.
    private static func appendEscaped(_ token: String, to text: inout String) {
        text += "/"
        // Escaping is rare (`application/json` is the common case); Foundation's `replacingOccurrences` here
        // cost more than the rest of loading together.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            text += token
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count + 4)
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
            case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
            default: bytes.append(byte)
            }
        }
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// `~1` → `/` and `~0` → `~` in one pass, so `~01` is `~1` (RFC 6901 order). A `~` followed by anything
    /// else is kept as it is.
    private static func unescape(_ token: Substring.UTF8View) -> String {
        guard token.contains(UInt8(ascii: "~")) else { return String(Substring(token)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.count)
        var iterator = token.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "1")?: bytes.append(UInt8(ascii: "/"))
            case UInt8(ascii: "0")?: bytes.append(UInt8(ascii: "~"))
            case let other?: bytes += [byte, other]
            case nil: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The pointer extended by one token.
    public func appending(_ token: String) -> JSONPointer {
        var text = description
        Self.appendEscaped(token, to: &text)
        return JSONPointer(tokens: tokens + [token], description: text)
    }

    /// The last token, or `nil` for the root pointer.
    public var lastToken: String? { tokens.last }
}
