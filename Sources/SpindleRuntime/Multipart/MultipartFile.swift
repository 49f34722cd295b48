import Foundation

/// A file in a multipart form: its content, and the file name and media type sent with it.
///
/// ```swift
/// try await client.files.upload(file: .init(contentsOf: reportURL), purpose: "assistants")
/// ```
///
/// The content streams: a file is read as it is sent, 256 KiB at a time, and a received file part is an
/// ``HTTPBody`` to `collect(upTo:)` or `write(to:)`.
public struct MultipartFile: Sendable {
    /// The file's bytes.
    public var content: HTTPBody
    /// The file name sent in `Content-Disposition` (`filename="…"`).
    public var filename: String?
    /// The media type, e.g. `image/png`; `nil` leaves it to the part's documented type, or
    /// `application/octet-stream`.
    public var contentType: String?
    /// Further header fields of the part, such as the ones the API documents for it.
    public var headers: HTTPHeaders

    /// A file with the given content.
    public init(_ content: HTTPBody, filename: String? = nil, contentType: String? = nil, headers: HTTPHeaders = [:]) {
        self.content = content
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
    }

    /// A file holding `data`.
    public init(_ data: Data, filename: String? = nil, contentType: String? = nil, headers: HTTPHeaders = [:]) {
        self.init(HTTPBody(data), filename: filename, contentType: contentType, headers: headers)
    }

    /// The file at `url`, read as it is sent (and again for a retry); its name is the URL's last path
    /// component unless `filename` says otherwise.
    public init(contentsOf url: URL, filename: String? = nil, contentType: String? = nil, headers: HTTPHeaders = [:]) throws {
        self.init(
            try HTTPBody(contentsOf: url), filename: filename ?? url.lastPathComponent, contentType: contentType,
            headers: headers)
    }

    /// A file whose bytes come from `chunks` as it is sent, once.
    public init<Chunks: AsyncSequence & Sendable>(
        _ chunks: Chunks,
        length: HTTPBody.Length = .unknown,
        filename: String? = nil,
        contentType: String? = nil,
        headers: HTTPHeaders = [:]
    ) where Chunks.Element: Collection<UInt8> {
        self.init(HTTPBody(chunks, length: length), filename: filename, contentType: contentType, headers: headers)
    }
}
