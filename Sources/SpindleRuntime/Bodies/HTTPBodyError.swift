/// A body could not be read as asked.
public struct HTTPBodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A one-shot body (made from an `AsyncSequence`) was iterated a second time.
        case alreadyIterated
        /// The body holds more than the limit given to `collect(upTo:)`.
        case tooLarge(limit: Int)
        /// The body ended before, or went past, the length it announced.
        case lengthMismatch(expected: Int64, received: Int64)
        /// A file could not be opened, read or written.
        case file(path: String, reason: String)
    }

    /// What went wrong.
    public let kind: Kind

    /// Creates an error.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// An explanation for logs.
    public var description: String {
        switch kind {
        case .alreadyIterated:
            "The body is a one-shot stream and was already read; make it from Data or a file to read it again."
        case .tooLarge(let limit):
            "The body is larger than the limit of \(limit) bytes."
        case .lengthMismatch(let expected, let received):
            "The body announced \(expected) bytes but held \(received)."
        case .file(let path, let reason):
            "The file \(path) could not be used as a body: \(reason)"
        }
    }
}
