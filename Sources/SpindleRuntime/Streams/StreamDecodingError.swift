import Foundation

/// An item of a streamed body (a Server-Sent Event, a JSON Lines line, a JSON text sequence item, a multipart
/// part) that could not be read, with where it is in the stream.
///
/// Generated clients throw it wrapped in their `ClientError.decoding`, whose message names the same index
/// and offset.
public struct StreamDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The wire format of the stream.
    public enum Format: String, Sendable, Hashable {
        case serverSentEvents = "Server-Sent Events"
        case jsonLines = "JSON Lines"
        case jsonSequence = "JSON text sequence"
        case multipart = "multipart"
    }

    /// What was wrong with the item.
    public enum Kind: Sendable, Hashable {
        /// The item's content did not decode (its JSON is invalid or does not match the documented type).
        case malformed
        /// The stream ended, or the next item began, before the item was complete (RFC 7464, section 2.4).
        case truncated
        /// The item is larger than the limit, so it was not buffered.
        case tooLarge(limit: Int)
    }

    /// The stream's format.
    public let format: Format
    /// What was wrong.
    public let kind: Kind
    /// The item's position among the stream's items, from 0.
    public let index: Int
    /// The byte offset in the body where the item starts.
    public let offset: Int64
    /// Where inside the item's JSON the problem is, e.g. `choices[0].delta`; empty for the item itself.
    public let path: String
    /// What went wrong, without the location.
    public let message: String
    /// The item's bytes as received (empty when it was too large to keep).
    public let item: Data

    /// Creates an error.
    public init(format: Format, kind: Kind, index: Int, offset: Int64, path: String = "", message: String, item: Data = Data()) {
        self.format = format
        self.kind = kind
        self.index = index
        self.offset = offset
        self.path = path
        self.message = message
        self.item = item
    }

    /// `item 3 of the JSON Lines stream, at byte 1042`
    public var location: String {
        "item \(index) of the \(format.rawValue) stream, at byte \(offset)"
    }

    /// `Could not decode item 3 of the JSON Lines stream, at byte 1042, at choices[0].delta: …`
    public var description: String {
        "Could not decode \(location)" + (path.isEmpty ? "" : ", at \(path)") + ": \(message)"
    }
}

extension StreamDecodingError {
    /// A decoding failure of an item's JSON, keeping the path the decoder reported.
    static func decoding(
        _ error: any Error, format: Format, index: Int, offset: Int64, item: Data
    ) -> StreamDecodingError {
        let failure = DecodingFailure(error, rawBody: item)
        return StreamDecodingError(
            format: format, kind: .malformed, index: index, offset: offset, path: failure.path, message: failure.message,
            item: item)
    }
}
