import Foundation

extension JSONCoding {
    /// Decodes `type` from `data`; every failure names the JSON path of the bad value, and `JSONValue`s in it
    /// keep their numbers' literal text (see `JSONSourceDocument`).
    ///
    /// Foundation's `JSONDecoder` on Linux reports a number that does not fit its type (`1.5` for an `Int`, an
    /// integer beyond `Int64`) as invalid JSON at the root. Such failures are located by decoding the parsed
    /// document again with the runtime's own decoder, which only ever runs after a failure.
    public static func decode<T: Decodable>(
        _ type: T.Type,
        from data: Data,
        decoder: JSONDecoder = makeDecoder()
    ) throws -> T {
        do {
            return try JSONSourceDocument.$current.withValue(JSONSourceDocument(data)) {
                try decoder.decode(T.self, from: data)
            }
        } catch {
            throw located(error, decoding: T.self, from: data)
        }
    }

    /// `error` with a coding path, when it came without one and the document says where it is.
    static func located<T: Decodable>(_ error: any Error, decoding type: T.Type, from data: Data) -> any Error {
        guard let decodingError = error as? DecodingError, case .dataCorrupted(let context) = decodingError,
              context.codingPath.isEmpty
        else { return error }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: data)
        } catch {
            return DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "The body is not valid JSON: \(error.message).",
                underlyingError: decodingError
            ))
        }
        do {
            _ = try JSONValueDecoder.decode(T.self, from: document)
        } catch let located as DecodingError {
            return located
        } catch {}
        return error
    }
}
