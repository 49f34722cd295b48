import Foundation

/// A multipart form as its parts in order: what a generated form type writes its properties into, and
/// reads them back from when a response is multipart.
///
/// Writing, `nil` values add no part and arrays add one part per element (the way OpenAPI and browsers send
/// repeated fields). Reading, text parts decode into the type asked for: `String` as it is, numbers,
/// booleans, dates and enums from their text, other types and JSON parts from their JSON.
public struct MultipartForm: Sendable {
    /// The parts, in order.
    public var parts: [MultipartPart]
    /// Decodes JSON and typed text parts (the client's decoder, for a received form).
    var makeDecoder: @Sendable () -> JSONDecoder = JSONCoding.makeDecoder

    /// A form of the given parts.
    public init(_ parts: [MultipartPart] = []) {
        self.parts = parts
    }

    // MARK: Writing

    /// Adds a text part holding `value` (arrays comma-joined), unless `value` is `nil`.
    public mutating func append(_ name: String, _ value: (some ParameterEncodable)?, contentType: String? = nil) {
        if let part = MultipartPart.field(name, value, contentType: contentType) { parts.append(part) }
    }

    /// Adds a text part for each of `values`.
    public mutating func append(_ name: String, each values: [some ParameterEncodable]?, contentType: String? = nil) {
        for value in values ?? [] { append(name, value, contentType: contentType) }
    }

    /// Adds a part holding `value` as JSON, unless `value` is `nil`.
    public mutating func appendJSON(_ name: String, _ value: (some Encodable & Sendable)?, contentType: String = "application/json") {
        if let part = MultipartPart.json(name, value, contentType: contentType) { parts.append(part) }
    }

    /// Adds a JSON part for each of `values`.
    public mutating func appendJSON(_ name: String, each values: [some Encodable & Sendable]?, contentType: String = "application/json") {
        for value in values ?? [] { appendJSON(name, value, contentType: contentType) }
    }

    /// Adds a file part, unless `file` is `nil`; `contentType` is used when the file has none.
    public mutating func append(_ name: String, file: MultipartFile?, contentType: String? = nil) {
        if let part = MultipartPart.file(name, file, contentType: contentType) { parts.append(part) }
    }

    /// Adds a file part for each of `files`.
    public mutating func append(_ name: String, files: [MultipartFile]?, contentType: String? = nil) {
        for file in files ?? [] { append(name, file: file, contentType: contentType) }
    }

    // MARK: Reading

    /// The parts named `name`, in order.
    public func parts(named name: String) -> [MultipartPart] {
        parts.filter { $0.name == name }
    }

    /// The value of the first part named `name`; a failure if there is none or it does not decode.
    public func value<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws(DecodingFailure) -> Value {
        guard let part = parts.first(where: { $0.name == name }) else { throw missing(name) }
        return try decode(Value.self, from: part)
    }

    /// The value of the first part named `name`, or `nil` if there is none.
    public func optionalValue<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws(DecodingFailure) -> Value? {
        guard let part = parts.first(where: { $0.name == name }) else { return nil }
        return try decode(Value.self, from: part)
    }

    /// The values of every part named `name`, in order.
    public func values<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws(DecodingFailure) -> [Value] {
        var values: [Value] = []
        for (index, part) in parts(named: name).enumerated() {
            values.append(try decode(Value.self, from: part, path: "\(name)[\(index)]"))
        }
        return values
    }

    /// The file of the first part named `name`; a failure if there is none.
    public func file(_ name: String) throws(DecodingFailure) -> MultipartFile {
        guard let file = optionalFile(name) else { throw missing(name) }
        return file
    }

    /// The file of the first part named `name`, or `nil`.
    public func optionalFile(_ name: String) -> MultipartFile? {
        parts.first { $0.name == name }.map(Self.file)
    }

    /// The files of every part named `name`, in order.
    public func files(_ name: String) -> [MultipartFile] {
        parts(named: name).map(Self.file)
    }

    private static func file(_ part: MultipartPart) -> MultipartFile {
        let content = (try? part.body()) ?? HTTPBody([UInt8]())
        return MultipartFile(content, filename: part.filename, contentType: part.contentType, headers: part.headers)
    }

    private func missing(_ name: String) -> DecodingFailure {
        DecodingFailure(message: "Required part \"\(name)\" is missing.", path: name, rawBody: Data())
    }

    /// Text as `String`; JSON for other types; text that is no JSON as a JSON string, which is what enums,
    /// dates and other string-backed types decode from.
    private func decode<Value: Decodable>(_ type: Value.Type, from part: MultipartPart, path: String? = nil) throws(DecodingFailure) -> Value {
        let path = path ?? part.name
        guard let bytes = part.receivedBytes else {
            throw DecodingFailure(message: "Part \"\(part.name)\" is a stream, not received content.", path: path, rawBody: Data())
        }
        let data = Data(bytes)
        if Value.self == String.self, let text = String(decoding: bytes, as: UTF8.self) as? Value { return text }
        let decoder = makeDecoder()
        do {
            if Value.self == JSONValue.self, let value = try JSONValue(parsing: data) as? Value { return value }
            return try JSONCoding.decode(Value.self, from: data, decoder: decoder)
        } catch {
            let isJSON = part.contentType.map { $0.lowercased().contains("json") } ?? false
            if !isJSON, let quoted = try? JSONEncoder().encode(String(decoding: bytes, as: UTF8.self)),
                let value = try? JSONCoding.decode(Value.self, from: quoted, decoder: decoder)
            {
                return value
            }
            let failure = DecodingFailure(error, rawBody: data)
            let inner = failure.path.isEmpty ? "" : failure.path.hasPrefix("[") ? failure.path : "." + failure.path
            throw DecodingFailure(message: failure.message, path: path + inner, rawBody: data)
        }
    }
}

/// A type generated for a multipart form: its properties are the form's parts.
public protocol MultipartFormCodable: Sendable {
    /// The parts of the value, in the schema's order.
    var form: MultipartForm { get }
    /// Reads a received form; a missing required part or a part that does not decode is a failure whose
    /// path starts with the part's name.
    init(form: MultipartForm) throws(DecodingFailure)
}

extension MultipartForm: MultipartFormCodable {
    /// The form itself.
    public var form: MultipartForm { self }

    /// The form itself.
    public init(form: MultipartForm) {
        self = form
    }
}
