/// Turns names from specs (`AWS_MARKETPLACE`, `X-ACCOUNT-ID`, `has_more`, `2fa`, ``) into Swift
/// identifiers that read like hand-written code.
public enum SwiftNaming {
    /// Words Swift reserves; such names are written in backquotes.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "some", "any",
    ]

    /// Names a type must not take because they would shadow what generated code uses.
    public static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "String", "Int", "Int32", "Int64", "Double", "Float", "Bool",
        "Data", "Date", "URL", "UUID", "Array", "Dictionary", "Optional", "Error", "Result", "Decoder", "Encoder",
        "Codable", "Decodable", "Encodable", "Hashable", "Sendable", "JSONValue", "CalendarDate", "Never", "Void",
        // SpindleRuntime's public types: generated code names them unqualified, so a generated
        // type of the same name would shadow them (a `ClientError` schema broke `APIClient` calls).
        "APIClient", "APIErrorResponse", "AnyCodingKey", "ClientConfiguration", "ClientError", "ClientMiddleware",
        "Credential", "DecodingFailure", "EncodingFailure", "HTTPHeaders", "HTTPMethod", "HTTPRequest",
        "HTTPRequestBuilder", "HTTPResponse", "HTTPTransport", "Indirect", "InvalidResponseFailure", "ItemSequence",
        "JSONCoding", "JSONNumber", "JSONObject", "LogEvent", "MultipartPart", "OpenEnum", "OptionalValue",
        "PageRequest", "PageSequence", "PaginationFailure", "PaginationStrategy", "ParameterEncodable",
        "ParameterField", "PathStyle", "QueryStyle", "RecordingTransport", "RequestOptions", "RequestSummary",
        "RetryPolicy", "SecurityScheme", "TimeoutFailure", "TransportError", "TransportFailure",
        "URLSessionTransport", "UnionDecoding", "UnionVariant", "UnixMilliseconds", "UnixSeconds",
    ]

    /// Splits a name into words at separators, lower-to-upper case changes and letter/digit changes,
    /// keeping runs of capitals together (`HTTPServer` -> HTTP, Server).
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            if let last = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord =
                    (last.isLowercase && character.isUppercase)
                    || (last.isUppercase && character.isUppercase && (next?.isLowercase ?? false))
                    || (last.isNumber != character.isNumber && !(last.isNumber && character.isLowercase))
                if startsWord { words.append(current); current = "" }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `UpperCamelCase` for types and enum-like names.
    public static func typeName(_ name: String) -> String {
        let joined = words(name).map(capitalized).joined()
        var result = joined.isEmpty ? "Value" : joined
        if result.first!.isNumber { result = "_" + result }
        if reservedTypeNames.contains(result) { result += "Value" }
        return result
    }

    /// `lowerCamelCase` for properties, cases, parameters and methods; `""` becomes `empty`.
    public static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "empty" }
        var result = lowered(first) + parts.dropFirst().map(capitalized).joined()
        if result.first!.isNumber { result = "_" + result }
        return result
    }

    /// The identifier as it must be written in source: keywords in backquotes.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    private static func capitalized(_ word: String) -> String {
        // All-caps words longer than one letter become Title case (`AWS` -> `Aws`) so that
        // `AWS_MARKETPLACE` reads `awsMarketplace`, the way Swift code spells it.
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    private static func lowered(_ word: String) -> String { word.lowercased() }
}

extension SwiftNaming {
    /// Makes names unique in one scope deterministically: later duplicates get the
    /// smallest numeric suffix that is free, in input order.
    public static func uniqued(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var candidate = name
            var counter = 2
            while !used.insert(candidate).inserted {
                candidate = "\(name)\(counter)"
                counter += 1
            }
            return candidate
        }
    }

    /// A crude English singular for naming array items (`integrations` -> `integration`).
    public static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { return String(word.dropLast()) }
        if word == "data" { return "item" }
        return word + "Item"
    }
}
