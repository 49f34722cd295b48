import Foundation

extension JSONCoding {
    /// Encodes `value` with `encoder`, writing every `JSONValue` number in it with its exact text (see
    /// `JSONNumberSplice`): request bodies send back `123456789012345678901234567890.5` and `1e400` as the
    /// server sent them.
    public static func encode(_ value: some Encodable, encoder: JSONEncoder = makeEncoder()) throws -> Data {
        let splice = JSONNumberSplice()
        let encoded = try JSONNumberSplice.$current.withValue(splice) { try encoder.encode(value) }
        return splice.splice(encoded)
    }
}
