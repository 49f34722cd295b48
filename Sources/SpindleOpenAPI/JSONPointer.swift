import Foundation

/// An RFC 6901 JSON pointer such as `/components/schemas/Money`.
///
/// Tokens are kept unescaped: `~1` becomes `/`, `~0` becomes `~`, and percent-encoding (as it
/// appears in URI fragments like `#/paths/~1customers%7Bid%7D`) is decoded.
///
/// Every schema of a document has a pointer one token longer than its parent's, so a pointer is
/// stored as its last token and a link to its parent's storage: extending one is a single small
/// allocation whatever the depth. The token list and the escaped text are built only when asked for
/// (diagnostics, names), which on Stripe's spec saved most of what loading spent on pointers.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// One token and the pointer before it; shared by every pointer that extends the same parent.
    private final class Link: Sendable {
        let parent: Link?
        let token: String
        let count: Int

        init(parent: Link?, token: String) {
            self.parent = parent
            self.token = token
            count = (parent?.count ?? 0) + 1
        }
    }

    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) {
        var link: Link?
        for token in tokens { link = Link(parent: link, token: token) }
        last = link
    }

    /// Parses the fragment part of a reference (without the leading `#`).
    ///
    /// Returns `nil` when the fragment is not a pointer (does not start with `/` and is not empty).
    public init?(fragment: String) {
        let decoded = fragment.utf8.contains(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? fragment : fragment
        let bytes = Array(decoded.utf8)
        guard let first = bytes.first else {
            self.init(tokens: [])
            return
        }
        guard first == UInt8(ascii: "/") else { return nil }
        // Tokens are cut from the bytes directly: splitting the string's UTF-8 view generically cost
        // thousands of instructions per reference.
        var link: Link?
        var start = 1
        for end in 1...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
            link = Link(parent: link, token: Self.unescape(bytes[start..<end]))
            start = end + 1
        }
        self.init(last: link)
    }

    /// The number of tokens.
    public var count: Int { last?.count ?? 0 }

    /// The unescaped reference tokens, outermost first.
    public var tokens: [String] {
        var tokens = [String](repeating: "", count: count)
        var link = last
        while let current = link {
            tokens[current.count - 1] = current.token
            link = current.parent
        }
        return tokens
    }

    /// The last token, or `nil` for the root pointer.
    public var lastToken: String? { last?.token }

    /// The escaped text form, `/a/b~1c`.
    public var description: String {
        tokens.reduce(into: "") { text, token in Self.appendEscaped(token, to: &text) }
    }

    /// The pointer extended by one token.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(last: Link(parent: last, token: token))
    }

    // Compared token by token from the end, where pointers into one document differ first; a shared
    // parent link ends the comparison early.
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var left = lhs.last
        var right = rhs.last
        while let l = left, let r = right {
            if l === r { return true }
            if l.token != r.token { return false }
            left = l.parent
            right = r.parent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var link = last
        while let current = link {
            hasher.combine(current.token)
            link = current.parent
        }
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
    private static func unescape(_ token: ArraySlice<UInt8>) -> String {
        guard token.contains(UInt8(ascii: "~")) else { return String(decoding: token, as: UTF8.self) }
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
}
