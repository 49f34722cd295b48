import Foundation

/// The document a `Decoder` is reading, so that `JSONValue` can keep a number's literal text.
///
/// Foundation's `JSONDecoder` hands out numbers only as Swift numbers: `123456789012345678901234567890.5`
/// comes back as a `Double` with 17 digits, `1e400` not at all, and `1.0` as `1`. `JSONCoding.decode` binds
/// the document it decodes here for the duration of the call; a `JSONValue` number decoded inside it takes
/// its text from the document, at the decoder's coding path. The document is parsed once, the first time a
/// number asks, so a body without free-form numbers costs nothing more.
final class JSONSourceDocument: Sendable {
    /// The document being decoded by `JSONCoding.decode` on this task, if any.
    @TaskLocal static var current: JSONSourceDocument?

    private let data: Data
    private let parsed: Locked<JSONValue??>

    init(_ data: Data) {
        self.data = data
        parsed = Locked(nil)
    }

    /// A document already parsed.
    init(parsed value: JSONValue) {
        data = Data()
        parsed = Locked(.some(value))
    }

    /// The number at `codingPath`, if the document has one there. Array positions are the keys' integer
    /// values, object members their string values: which applies is decided by the document, so a map key
    /// that reads as a number (`"1"`) is still a member name.
    func number(at codingPath: [any CodingKey]) -> JSONNumber? {
        guard var node = root() else { return nil }
        for key in codingPath {
            switch node {
            case .object(let object):
                guard let member = object[key.stringValue] else { return nil }
                node = member
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        if case .number(let number) = node { return number }
        return nil
    }

    private func root() -> JSONValue? {
        parsed.withLock { parsed in
            if let parsed { return parsed }
            let value = try? JSONValue(parsing: data)
            parsed = .some(value)
            return value
        }
    }
}
