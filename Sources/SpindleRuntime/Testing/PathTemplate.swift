import Foundation

/// An operation's path template, matched against the paths of requests (``StubTransport``).
///
/// A template matches the end of a request's path, segment by segment, so that a server URL with a path of
/// its own (`https://host/v2`) still matches. Placeholders match one whole segment or, beside literal text,
/// part of one (`{id}.json`); their values are percent-decoded.
struct PathTemplate: Sendable {
    /// One segment of the template: literal text and placeholders, in order.
    private enum Piece: Sendable {
        case literal(String)
        case placeholder(String)
    }

    private let segments: [[Piece]]

    /// Literal characters in the template: of two templates matching a request, the one with more wins
    /// (`/customers/search` over `/customers/{id}`).
    let specificity: Int

    init(_ template: String) {
        segments = template.split(separator: "/", omittingEmptySubsequences: true).map(Self.pieces)
        specificity = segments.joined().reduce(0) { count, piece in
            if case .literal(let text) = piece { count + text.count } else { count }
        }
    }

    /// The placeholders' values when `path` (percent-encoded, as sent) ends with this template, else `nil`.
    func match(_ path: String) -> [String: String]? {
        let requestSegments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard requestSegments.count >= segments.count else { return nil }
        var values: [String: String] = [:]
        for (pieces, segment) in zip(segments, requestSegments.suffix(segments.count)) {
            guard let matched = Self.match(pieces[...], Substring(segment)) else { return nil }
            values.merge(matched) { first, _ in first }
        }
        return values
    }

    private static func pieces(_ segment: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var rest = segment
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    /// Matches one segment; a placeholder takes the shortest non-empty text after which the rest matches.
    private static func match(_ pieces: ArraySlice<Piece>, _ text: Substring) -> [String: String]? {
        guard let first = pieces.first else { return text.isEmpty ? [:] : nil }
        switch first {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return nil }
            return match(pieces.dropFirst(), text.dropFirst(literal.count))
        case .placeholder(let name):
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                if var values = match(pieces.dropFirst(), text[end...]) {
                    let raw = String(text[..<end])
                    values[name] = raw.removingPercentEncoding ?? raw
                    return values
                }
            }
            return nil
        }
    }
}
