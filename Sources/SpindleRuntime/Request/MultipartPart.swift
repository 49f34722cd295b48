import Foundation

/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    /// The form field name.
    public let name: String
    /// The file name, for file parts.
    public let filename: String?
    /// The part's media type, if it has one.
    public let contentType: String?
    let content: @Sendable (JSONEncoder) throws(EncodingFailure) -> Data

    /// A part with raw bytes, e.g. a file upload.
    public init(name: String, filename: String? = nil, contentType: String? = nil, data: Data) {
        self.init(name: name, filename: filename, contentType: contentType) { _ throws(EncodingFailure) in data }
    }

    private init(
        name: String,
        filename: String?,
        contentType: String?,
        content: @escaping @Sendable (JSONEncoder) throws(EncodingFailure) -> Data
    ) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }

    /// A plain field whose text is the parameter value (arrays comma-joined); `nil` when `value` is `nil`, so
    /// optional fields can be passed straight through and dropped with `compactMap`.
    public static func field(_ name: String, _ value: (some ParameterEncodable)?) -> MultipartPart? {
        guard let value else { return nil }
        return MultipartPart(name: name, filename: nil, contentType: nil) { _ throws(EncodingFailure) in
            Data(try value.parameterValue().flattenedText.utf8)
        }
    }

    /// A field holding `value` as JSON (`Content-Type: application/json`), encoded with the client's encoder.
    public static func json(_ name: String, _ value: (some Encodable & Sendable)?) -> MultipartPart? {
        guard let value else { return nil }
        return MultipartPart(name: name, filename: nil, contentType: "application/json") { encoder throws(EncodingFailure) in
            do {
                return try JSONCoding.encode(value, encoder: encoder)
            } catch {
                throw EncodingFailure(error)
            }
        }
    }
}

/// Assembles `multipart/form-data` bodies (RFC 7578).
enum MultipartEncoder {
    static func encode(_ parts: [MultipartPart], boundary: String, encoder: JSONEncoder) throws(EncodingFailure) -> Data {
        var body = Data()
        for part in parts {
            body.append(Data("--\(boundary)\r\n".utf8))
            var disposition = "Content-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let filename = part.filename {
                disposition += "; filename=\"\(quoted(filename))\""
            }
            body.append(Data("\(disposition)\r\n".utf8))
            if let contentType = part.contentType {
                body.append(Data("Content-Type: \(contentType)\r\n".utf8))
            }
            body.append(Data("\r\n".utf8))
            body.append(try part.content(encoder))
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }

    /// RFC 7578 §4.2: quotes and line breaks in names are percent-encoded, as browsers do.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
