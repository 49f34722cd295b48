import Foundation

/// An RFC 6901 JSON pointer such as `/components/schemas/Money`.
///
/// Tokens are kept unescaped: `~1` becomes `/`, `~0` becomes `~`, and percent-encoding (as it
/// appears in URI fragments like `#/paths/~1customers%7Bid%7D`) is decoded.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the fragment part of a reference (without the leading `#`).
    ///
    /// Returns `nil` when the fragment is not a pointer (does not start with `/` and is not empty).
    public init?(fragment: String) {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.isEmpty {
            tokens = []
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The pointer in its escaped text form, e.g. `/paths/~1customers`.
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            // Escaping is rare; skip Foundation's replacing for the common case (this is hot).
            if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                text += token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            } else {
                text += token
            }
        }
        return text
    }

    /// The pointer extended by one token.
    public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens: tokens + [token]) }

    /// The last token, or `nil` for the root pointer.
    public var lastToken: String? { tokens.last }
}
