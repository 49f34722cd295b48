import Foundation

/// Encodes objects as `application/x-www-form-urlencoded` text.
enum FormEncoder {
    static func encode(_ value: some Encodable, encoder: JSONEncoder) throws(EncodingFailure) -> String {
        let json = try JSONValue(encoding: value, encoder: encoder)
        guard case .object(let object) = json else {
            throw EncodingFailure(message: "A form body must be an object, not \(json.jsonString()).")
        }
        var pairs: [ParameterSerializer.QueryPair] = []
        for member in object {
            guard let value = ParameterValue(json: member.value) else { continue }
            // Arrays repeat the key (form, explode) and nested objects use brackets (deepObject): what
            // OpenAPI's encoding defaults and common server parsers agree on.
            let style: QueryStyle = if case .fields = value { .deepObject } else { .form }
            pairs += ParameterSerializer.query(
                name: member.key, value: value, style: style, explode: true, allowing: .formBody
            )
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}
