import Foundation

/// Splits a multipart body (RFC 2046; RFC 7578 for `multipart/form-data`) into its parts as the bytes arrive.
///
/// The preamble before the first boundary and the epilogue after the close delimiter are skipped. Each
/// part's header fields (folded lines included) are read, and its content runs to the next CRLF and
/// boundary. A part is handed on once its end arrives, with its content in memory: at most
/// `maxPartBytes` of it, or of its header block, is buffered. A body that ends before the close delimiter
/// is ``StreamDecodingError/Kind/truncated``.
struct MultipartParser {
    private enum State {
        /// Looking for the first boundary.
        case preamble
        /// After a boundary: `--` closes the body, otherwise the line ends and a part begins.
        case afterBoundary
        case headers
        case content(HTTPHeaders)
        /// After the close delimiter.
        case done
    }

    private let dashBoundary: [UInt8]
    /// CRLF, then the dash boundary: what ends a part's content.
    private let delimiter: [UInt8]
    private let maxPartBytes: Int
    private var window = ByteWindow()
    private var state = State.preamble
    private var scanned = 0
    private var index = 0
    private var partOffset: Int64 = 0

    init(boundary: String, maxPartBytes: Int) {
        dashBoundary = Array("--\(boundary)".utf8)
        delimiter = [13, 10] + dashBoundary
        self.maxPartBytes = maxPartBytes
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        window.append(chunk)
    }

    mutating func next(atEnd: Bool) throws(StreamDecodingError) -> MultipartPart? {
        while true {
            switch state {
            case .preamble:
                let bytes = window.bytes
                // The first boundary needs no CRLF before it only at the very start of the body.
                if window.offset == 0 && bytes.starts(with: dashBoundary) {
                    window.consume(dashBoundary.count)
                } else if let found = find(delimiter, in: bytes, from: scanned) {
                    window.consume(upTo: found + delimiter.count)
                } else {
                    // Keep what could be the start of a delimiter; drop the rest of the preamble.
                    if bytes.count >= delimiter.count { window.consume(bytes.count - delimiter.count + 1) }
                    scanned = 0
                    if atEnd { throw truncated("The body has no boundary \"\(boundaryText)\".") }
                    return nil
                }
                scanned = 0
                state = .afterBoundary
            case .afterBoundary:
                let bytes = window.bytes
                if bytes.starts(with: [45, 45]) {
                    state = .done
                    continue
                }
                // Transport padding (spaces and tabs) may follow the boundary before its CRLF.
                guard let lineEnd = find([13, 10], in: bytes, from: 0) else {
                    if atEnd { throw truncated("The body ends after a boundary.") }
                    if bytes.count > 1024 { throw malformed("A boundary line does not end.") }
                    return nil
                }
                guard bytes[bytes.startIndex..<lineEnd].allSatisfy({ $0 == 32 || $0 == 9 }) else {
                    throw malformed("A boundary is followed by other text on its line.")
                }
                window.consume(upTo: lineEnd + 2)
                partOffset = window.offset
                state = .headers
            case .headers:
                let bytes = window.bytes
                let end: Int
                let next: Int
                if bytes.starts(with: [13, 10]) {
                    (end, next) = (bytes.startIndex, bytes.startIndex + 2)
                } else if let found = find([13, 10, 13, 10], in: bytes, from: scanned) {
                    (end, next) = (found, found + 4)
                } else {
                    scanned = max(0, bytes.count - 3)
                    if bytes.count > maxPartBytes { throw tooLarge() }
                    if atEnd { throw truncated("The body ends in the header fields of a part.") }
                    return nil
                }
                if end - bytes.startIndex > maxPartBytes { throw tooLarge() }
                let headers = try parseHeaders(bytes[bytes.startIndex..<end])
                window.consume(upTo: next)
                scanned = 0
                state = .content(headers)
            case .content(let headers):
                let bytes = window.bytes
                guard let found = find(delimiter, in: bytes, from: scanned) else {
                    scanned = max(0, bytes.count - delimiter.count + 1)
                    if bytes.count > maxPartBytes { throw tooLarge() }
                    if atEnd { throw truncated("The body ends inside a part.") }
                    return nil
                }
                if found - bytes.startIndex > maxPartBytes { throw tooLarge() }
                let content = Array(bytes[bytes.startIndex..<found])
                window.consume(upTo: found + delimiter.count)
                scanned = 0
                state = .afterBoundary
                defer { index += 1 }
                return part(headers: headers, content: content)
            case .done:
                window.consume(window.count)
                return nil
            }
        }
    }

    private var boundaryText: String { String(decoding: dashBoundary.dropFirst(2), as: UTF8.self) }

    private func part(headers: HTTPHeaders, content: [UInt8]) -> MultipartPart {
        let disposition = headers["Content-Disposition"].map(HeaderParameters.init)
        return MultipartPart(
            name: disposition?["name"] ?? "", filename: disposition?["filename"], contentType: headers["Content-Type"],
            headers: headers, content: .body(HTTPBody(content)))
    }

    /// `Name: value` lines; a line starting with a space or tab continues the one before (RFC 5322 folding).
    private func parseHeaders(_ block: ArraySlice<UInt8>) throws(StreamDecodingError) -> HTTPHeaders {
        var fields: [HTTPHeaders.Field] = []
        let text = String(decoding: block, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingSpaces
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw malformed("The part header line \"\(line.prefix(80))\" is no header field.")
            }
            fields.append(HTTPHeaders.Field(name: line[..<colon].trimmingSpaces, value: line[line.index(after: colon)...].trimmingSpaces))
        }
        return HTTPHeaders(fields)
    }

    private func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from offset: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var position = bytes.startIndex + offset
        while let candidate = bytes[position...].firstIndex(of: first) {
            guard bytes.endIndex - candidate >= needle.count else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    private func truncated(_ message: String) -> StreamDecodingError {
        StreamDecodingError(format: .multipart, kind: .truncated, index: index, offset: partOffset, message: message)
    }

    private func malformed(_ message: String) -> StreamDecodingError {
        StreamDecodingError(format: .multipart, kind: .malformed, index: index, offset: partOffset, message: message)
    }

    private func tooLarge() -> StreamDecodingError {
        StreamDecodingError(
            format: .multipart, kind: .tooLarge(limit: maxPartBytes), index: index, offset: partOffset,
            message: "The part is larger than the limit of \(maxPartBytes) bytes.")
    }
}

extension MultipartParser: StreamParser {}

extension AsyncSequence where Self: Sendable, Element: Collection<UInt8> {
    /// The parts of a multipart body with the given boundary (the `boundary` parameter of its
    /// `Content-Type`), each handed on with its content in memory once its end arrives.
    public func multipartParts(
        boundary: String,
        maxPartBytes: Int = StreamLimits.defaultMaxItemBytes
    ) -> DecodedStream<Self, MultipartPart> {
        DecodedStream(self) {
            ItemDecoder(MultipartParser(boundary: boundary, maxPartBytes: maxPartBytes)) { .element($0) }
        }
    }
}
