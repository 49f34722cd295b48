import Foundation

/// A request body whose bytes are produced when the request is sent, so JSON bodies use the client's
/// configured encoder and encoding failures surface as `ClientError.encoding` from `send`.
struct RequestBody: Sendable {
    /// How the bytes are made.
    enum Content: Sendable {
        /// Encoded whole into memory (JSON, forms, small multipart bodies).
        case whole(@Sendable (JSONEncoder) throws(EncodingFailure) -> Data)
        /// Read as the transport sends it (files, byte streams, multipart bodies with streaming parts).
        case streaming(@Sendable (JSONEncoder) throws(EncodingFailure) -> HTTPBody)
    }

    let contentType: String
    let content: Content

    init(contentType: String, encode: @escaping @Sendable (JSONEncoder) throws(EncodingFailure) -> Data) {
        self.contentType = contentType
        content = .whole(encode)
    }

    init(contentType: String, stream: @escaping @Sendable (JSONEncoder) throws(EncodingFailure) -> HTTPBody) {
        self.contentType = contentType
        content = .streaming(stream)
    }
}
