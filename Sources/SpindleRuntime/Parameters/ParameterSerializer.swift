/// Spells `ParameterValue`s in each OpenAPI parameter location and style.
enum ParameterSerializer {
    /// A `name=value` query pair, already percent-encoded.
    struct QueryPair: Sendable, Hashable {
        var name: String
        var value: String
    }

    // MARK: Query

    static func query(
        name: String,
        value: ParameterValue,
        style: QueryStyle,
        explode: Bool,
        allowing allowed: PercentEncoding.Allowed = .queryValue
    ) -> [QueryPair] {
        let encodeQuery = { (text: String) in PercentEncoding.encode(text, allowing: allowed) }
        let pair = { (rawName: String, encodedValue: String) in QueryPair(name: encodeQuery(rawName), value: encodedValue) }
        switch (value, style) {
        case (.text(let text), _):
            return [pair(name, encodeQuery(text))]
        case (.list(let items), .deepObject):
            return items.map { pair(name, encodeQuery($0.flattenedText)) }
        case (.fields(let fields), .deepObject):
            return deepObject(prefix: name, fields: fields, encode: encodeQuery)
        case (.list(let items), _) where explode:
            return items.map { pair(name, encodeQuery($0.flattenedText)) }
        case (.fields(let fields), _) where explode:
            return fields.map { pair($0.name, encodeQuery($0.value.flattenedText)) }
        case (.list(let items), _):
            let joined = items.map { encodeQuery($0.flattenedText) }.joined(separator: delimiter(style))
            return [pair(name, joined)]
        case (.fields(let fields), _):
            let parts = fields.flatMap { [encodeQuery($0.name), encodeQuery($0.value.flattenedText)] }
            return [pair(name, parts.joined(separator: delimiter(style)))]
        }
    }

    private static func deepObject(
        prefix: String,
        fields: [ParameterField],
        encode: (String) -> String
    ) -> [QueryPair] {
        fields.flatMap { field -> [QueryPair] in
            let name = "\(prefix)[\(field.name)]"
            let encodedName = encode(name)
            switch field.value {
            case .text(let text): return [QueryPair(name: encodedName, value: encode(text))]
            case .list(let items): return items.map { QueryPair(name: encodedName, value: encode($0.flattenedText)) }
            case .fields(let nested): return deepObject(prefix: name, fields: nested, encode: encode)
            }
        }
    }

    private static func delimiter(_ style: QueryStyle) -> String {
        switch style {
        case .form, .deepObject: ","
        case .spaceDelimited: "%20"
        case .pipeDelimited: "%7C"
        }
    }

    // MARK: Path

    static func path(name: String, value: ParameterValue, style: PathStyle, explode: Bool) -> String {
        let encode = { (text: String) in PercentEncoding.encode(text, allowing: .unreserved) }
        let encodedName = encode(name)
        switch (style, value) {
        case (.simple, .text(let text)):
            return encode(text)
        case (.simple, .list(let items)):
            return items.map { encode($0.flattenedText) }.joined(separator: ",")
        case (.simple, .fields(let fields)):
            return keyValueList(fields, explode: explode, separator: ",", encode: encode)
        case (.label, .text(let text)):
            return "." + encode(text)
        case (.label, .list(let items)):
            return "." + items.map { encode($0.flattenedText) }.joined(separator: explode ? "." : ",")
        case (.label, .fields(let fields)):
            return "." + keyValueList(fields, explode: explode, separator: explode ? "." : ",", encode: encode)
        case (.matrix, .text(let text)):
            return ";\(encodedName)=" + encode(text)
        case (.matrix, .list(let items)) where explode:
            return items.map { ";\(encodedName)=" + encode($0.flattenedText) }.joined()
        case (.matrix, .list(let items)):
            return ";\(encodedName)=" + items.map { encode($0.flattenedText) }.joined(separator: ",")
        case (.matrix, .fields(let fields)) where explode:
            return fields.map { ";" + encode($0.name) + "=" + encode($0.value.flattenedText) }.joined()
        case (.matrix, .fields(let fields)):
            return ";\(encodedName)=" + keyValueList(fields, explode: false, separator: ",", encode: encode)
        }
    }

    // MARK: Header

    /// Simple style, no percent-encoding (header values are not URIs).
    static func header(_ value: ParameterValue, explode: Bool) -> String {
        switch value {
        case .text(let text): text
        case .list(let items): items.map(\.flattenedText).joined(separator: ",")
        case .fields(let fields): keyValueList(fields, explode: explode, separator: ",", encode: { $0 })
        }
    }

    // MARK: Cookie

    /// Form style `name=value` pairs; exploded arrays repeat the cookie.
    static func cookie(name: String, value: ParameterValue, explode: Bool) -> [(name: String, value: String)] {
        let encode = { (text: String) in PercentEncoding.encode(text, allowing: .cookieValue) }
        switch value {
        case .text(let text):
            return [(name, encode(text))]
        case .list(let items) where explode:
            return items.map { (name, encode($0.flattenedText)) }
        case .fields(let fields) where explode:
            return fields.map { ($0.name, encode($0.value.flattenedText)) }
        case .list, .fields:
            return [(name, encode(value.flattenedText))]
        }
    }

    private static func keyValueList(
        _ fields: [ParameterField],
        explode: Bool,
        separator: String,
        encode: (String) -> String
    ) -> String {
        if explode {
            return fields.map { encode($0.name) + "=" + encode($0.value.flattenedText) }.joined(separator: separator)
        }
        return fields.flatMap { [encode($0.name), encode($0.value.flattenedText)] }.joined(separator: separator)
    }
}
