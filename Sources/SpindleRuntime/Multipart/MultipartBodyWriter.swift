import Foundation

/// Assembles multipart bodies (RFC 7578, RFC 2046): each part opens with the boundary line and its header
/// fields, then its content and a CRLF; the body ends with the close delimiter.
enum MultipartBodyWriter {
    /// A boundary no content is likely to contain: 128 random bits (RFC 2046 allows up to 70 characters).
    static func randomBoundary() -> String {
        "spindle-" + UUID().uuidString.lowercased()
    }

    /// The whole body, for parts whose content is in memory.
    static func data(_ parts: [MultipartPart], boundary: String, encoder: JSONEncoder) throws(EncodingFailure) -> Data {
        try checkBoundary(boundary)
        let delimiter = Array("--\(boundary)".utf8)
        var body = Data()
        for part in parts {
            body.append(contentsOf: try head(of: part, boundary: boundary))
            let content: Data = switch part.content {
            case .encoded(let encode): try encode(encoder)
            case .body(let stream): Data(try stream.bytesInMemory())
            }
            if content.firstRange(of: delimiter) != nil {
                throw EncodingFailure(message: "The content of part \"\(part.name)\" contains the boundary \"\(boundary)\".")
            }
            body.append(content)
            body.append(contentsOf: [13, 10])
        }
        body.append(contentsOf: Array("--\(boundary)--\r\n".utf8))
        return body
    }

    /// The body read part by part as it is sent, for parts that stream. Its length is known when every
    /// part's is; it can be sent again when every part can.
    static func body(_ parts: [MultipartPart], boundary: String, encoder: JSONEncoder) throws(EncodingFailure) -> HTTPBody {
        try checkBoundary(boundary)
        var segments: [Segment] = []
        for part in parts {
            segments.append(.bytes(try head(of: part, boundary: boundary)))
            switch part.content {
            case .encoded(let encode): segments.append(.bytes(Array(try encode(encoder))))
            case .body(let body): segments.append(.body(body))
            }
            segments.append(.bytes([13, 10]))
        }
        segments.append(.bytes(Array("--\(boundary)--\r\n".utf8)))
        var length: Int64? = 0
        var behavior = HTTPBody.IterationBehavior.multiple
        for segment in segments {
            switch segment {
            case .bytes(let bytes):
                length = length.map { $0 + Int64(bytes.count) }
            case .body(let body):
                if case .known(let count) = body.length { length = length.map { $0 + count } } else { length = nil }
                if body.iterationBehavior == .single { behavior = .single }
            }
        }
        let parts = segments
        return HTTPBody(length: length.map { .known($0) } ?? .unknown, iterationBehavior: behavior) {
            SegmentReader(parts).source()
        }
    }

    /// The delimiter line and header fields that open a part, up to and including the empty line.
    static func head(of part: MultipartPart, boundary: String) throws(EncodingFailure) -> [UInt8] {
        var disposition = "form-data; name=\"\(quoted(part.name))\""
        if let filename = part.filename { disposition += "; filename=\"\(quoted(filename))\"" }
        var fields = [("Content-Disposition", disposition)]
        if let contentType = part.contentType { fields.append(("Content-Type", contentType)) }
        for field in part.headers where !["content-disposition", "content-type"].contains(field.name.lowercased()) {
            fields.append((field.name, field.value))
        }
        var text = "--\(boundary)\r\n"
        for (name, value) in fields {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(isTokenCharacter) else {
                throw EncodingFailure(message: "Part \"\(part.name)\" has a header field named \"\(name)\", which is no token.")
            }
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw EncodingFailure(message: "The value of header \(name) of part \"\(part.name)\" contains a line break.")
            }
            text += "\(name): \(value)\r\n"
        }
        return Array((text + "\r\n").utf8)
    }

    /// RFC 2046: 1 to 70 characters from a safe set, not ending with a space.
    static func checkBoundary(_ boundary: String) throws(EncodingFailure) {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".unicodeScalars)
        guard (1...70).contains(boundary.unicodeScalars.count), boundary.unicodeScalars.allSatisfy(allowed.contains),
            !boundary.hasSuffix(" ")
        else {
            throw EncodingFailure(message: "\"\(boundary)\" is no multipart boundary (RFC 2046: 1 to 70 letters, digits or '()+_,-./:=?).")
        }
    }

    /// RFC 7578 section 4.2: quotes and line breaks in names are percent-encoded, as browsers do.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    enum Segment: Sendable {
        case bytes([UInt8])
        case body(HTTPBody)
    }
}

/// Reads the segments of a multipart body in order, one part's stream at a time, checking that each part
/// with an announced length delivers exactly that (the body's `Content-Length` was made from them).
private final class SegmentReader: @unchecked Sendable {
    private var segments: ArraySlice<MultipartBodyWriter.Segment>
    private var current: HTTPBody.Iterator?
    private var currentLength: HTTPBody.Length = .unknown
    private var currentCount: Int64 = 0

    init(_ segments: [MultipartBodyWriter.Segment]) {
        self.segments = segments[...]
    }

    func source() -> ChunkSource {
        ChunkSource { try await self.next() }
    }

    private func next() async throws -> ArraySlice<UInt8>? {
        while true {
            if var iterator = current {
                let chunk = try await iterator.next()
                current = iterator
                if let chunk {
                    currentCount += Int64(chunk.count)
                    return chunk
                }
                if case .known(let expected) = currentLength, expected != currentCount {
                    throw HTTPBodyError(.lengthMismatch(expected: expected, received: currentCount))
                }
                current = nil
            }
            guard let segment = segments.popFirst() else { return nil }
            switch segment {
            case .bytes(let bytes):
                return bytes[...]
            case .body(let body):
                current = body.makeAsyncIterator()
                currentLength = body.length
                currentCount = 0
            }
        }
    }
}

extension HTTPBody {
    /// The bytes of a body made from bytes; an error for other bodies.
    func bytesInMemory() throws(EncodingFailure) -> ArraySlice<UInt8> {
        guard case .bytes(let bytes) = storage else {
            throw EncodingFailure(message: "A streaming part cannot be put into an in-memory body.")
        }
        return bytes
    }
}
