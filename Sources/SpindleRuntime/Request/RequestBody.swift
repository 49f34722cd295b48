import Foundation

/// A request body whose bytes are produced when the request is sent, so JSON bodies use the client's
/// configured encoder and encoding failures surface as `ClientError.encoding` from `send`.
struct RequestBody: Sendable {
    let contentType: String
    let encode: @Sendable (JSONEncoder) throws(EncodingFailure) -> Data
}
