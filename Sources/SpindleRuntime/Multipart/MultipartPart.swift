import Foundation

/// One part of a multipart body (RFC 7578 `multipart/form-data`, RFC 2046 `multipart/mixed`): a form field,
/// a file, or a part of a multipart response.
///
/// A part's content is bytes in memory, an encoded value (encoded with the client's `JSONEncoder` when the
/// request is sent), or an ``HTTPBody`` read as it is sent, such as a file: a multipart body with such a
/// part streams, so a large upload never sits whole in memory.
public struct MultipartPart: Sendable {
    /// The form field name (`Content-Disposition: form-data; name="…"`); empty for a part without one.
    public let name: String
    /// The file name, for file parts.
    public let filename: String?
    /// The part's media type, if it has one.
    public let contentType: String?
    /// Further header fields. Writing a part, `Content-Disposition` and `Content-Type` are made from `name`,
    /// `filename` and `contentType` and any here are left out; a received part keeps all of its fields.
    public let headers: HTTPHeaders
    let content: Content

    /// Where a part's bytes come from.
    enum Content: Sendable {
        /// Encoded when the request is sent.
        case encoded(@Sendable (JSONEncoder) throws(EncodingFailure) -> Data)
        /// Read as the request is sent, or received.
        case body(HTTPBody)
    }

    /// A part with raw bytes, e.g. a file upload.
    public init(name: String, filename: String? = nil, contentType: String? = nil, headers: HTTPHeaders = [:], data: Data) {
        self.init(name: name, filename: filename, contentType: contentType, headers: headers, content: .body(HTTPBody(data)))
    }

    /// A part whose content is read from `body` as it is sent: a file (`HTTPBody(contentsOf:)`) or any stream.
    public init(name: String, filename: String? = nil, contentType: String? = nil, headers: HTTPHeaders = [:], body: HTTPBody) {
        self.init(name: name, filename: filename, contentType: contentType, headers: headers, content: .body(body))
    }

    init(name: String, filename: String?, contentType: String?, headers: HTTPHeaders, content: Content) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        self.content = content
    }

    /// A plain field whose text is the parameter value (arrays comma-joined); `nil` when `value` is `nil`, so
    /// optional fields can be passed straight through and dropped with `compactMap`.
    public static func field(_ name: String, _ value: (some ParameterEncodable)?, contentType: String? = nil) -> MultipartPart? {
        guard let value else { return nil }
        return MultipartPart(name: name, filename: nil, contentType: contentType, headers: [:], content: .encoded { _ throws(EncodingFailure) in
            Data(try value.parameterValue().flattenedText.utf8)
        })
    }

    /// A field holding `value` as JSON (`Content-Type: application/json` unless told), encoded with the
    /// client's encoder.
    public static func json(
        _ name: String, _ value: (some Encodable & Sendable)?, contentType: String = "application/json"
    ) -> MultipartPart? {
        guard let value else { return nil }
        return MultipartPart(name: name, filename: nil, contentType: contentType, headers: [:], content: .encoded { encoder throws(EncodingFailure) in
            do {
                return try JSONCoding.encode(value, encoder: encoder)
            } catch {
                throw EncodingFailure(error)
            }
        })
    }

    /// A file part: the file's content, name, media type (or `contentType` when the file has none) and
    /// header fields; `nil` when `file` is `nil`.
    public static func file(_ name: String, _ file: MultipartFile?, contentType: String? = nil) -> MultipartPart? {
        guard let file else { return nil }
        return MultipartPart(
            name: name, filename: file.filename, contentType: file.contentType ?? contentType, headers: file.headers,
            content: .body(file.content))
    }

    /// The part's content as a body: the bytes received, the stream given, or the value encoded with `encoder`.
    public func body(encoder: JSONEncoder = JSONCoding.makeEncoder()) throws(EncodingFailure) -> HTTPBody {
        switch content {
        case .body(let body): body
        case .encoded(let encode): HTTPBody(try encode(encoder))
        }
    }

    /// The content's bytes, if they are in memory (encoded values count: they are encoded when sent).
    var isInMemory: Bool {
        switch content {
        case .encoded: true
        case .body(let body): if case .bytes = body.storage { true } else { false }
        }
    }

    /// The part's content when it is at hand: received or in-memory bytes, or a value encoded with the default
    /// encoder, so that a form built in memory reads back as a received one does; `nil` for a stream.
    var receivedBytes: ArraySlice<UInt8>? {
        switch content {
        case .body(let body):
            if case .bytes(let bytes) = body.storage { bytes } else { nil }
        case .encoded(let encode):
            (try? encode(JSONCoding.makeEncoder())).map { ArraySlice($0) }
        }
    }
}
