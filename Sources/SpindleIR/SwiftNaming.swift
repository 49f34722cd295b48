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
        "Codable", "Decodable", "Encodable", "Equatable", "Hashable", "Sendable", "Set", "JSONValue", "CalendarDate", "Never", "Void",
        // SpindleRuntime's public types: generated code names them unqualified, so a generated
        // type of the same name would shadow them (a `ClientError` schema broke `APIClient` calls).
        "APIClient", "APIErrorResponse", "AnyCodingKey", "ClientConfiguration", "ClientError", "ClientMiddleware",
        "Credential", "DeclaredMembers", "DecodingFailure", "EncodingFailure", "HTTPHeaders", "HTTPMethod",
        "HTTPRequest", "HTTPRequestBuilder", "HTTPResponse", "HTTPTransport", "Indirect", "IndirectOptional",
        "IndirectOptionalValue", "InvalidResponseFailure", "ItemSequence",
        "JSONCoding", "JSONNumber", "JSONObject", "LogEvent", "MultipartPart", "ObjectKey", "OpenEnum", "OptionalValue",
        "PageRequest", "PageSequence", "PaginationFailure", "PaginationStrategy", "ParameterEncodable",
        "ParameterField", "PathStyle", "QueryStyle", "RecordingTransport", "RequestOptions", "RequestSummary",
        "RetryPolicy", "SecurityScheme", "TimeoutFailure", "TransportError", "TransportFailure",
        "URLSessionTransport", "UnionDecoding", "UnionVariant", "UnixMilliseconds", "UnixSeconds", "WireDate",
        "WireDateOptional", "WireDateOptionalValue",
        // Bodies (issue 25): streamed bodies, multipart forms, event and JSON streams.
        "DecodedStream", "HTTPBody", "HTTPBodyError", "MultipartFile", "MultipartForm", "MultipartFormCodable",
        "ResponseStream", "ServerSentEvent", "StreamDecodingError", "StreamLimits", "StreamingHTTPResponse",
    ]

    /// Splits a name into words at separators, lower-to-upper case changes and letter/digit changes,
    /// keeping runs of capitals together (`HTTPServer` -> HTTP, Server).
    public static func words(_ name: String) -> [String] {
        // Nearly every name in a spec is ASCII; classifying `Character`s through Unicode properties
        // was a quarter of building Stripe's IR.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
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

    /// ``words(_:)`` for an ASCII name, on bytes (the same rules, with ASCII letters and digits).
    private static func asciiWords(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var start = -1  // where the current word began, or -1 between words
        func finish(at end: Int) {
            if start >= 0, start < end { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            start = -1
        }
        for index in bytes.indices {
            let byte = bytes[index]
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                finish(at: index)
                continue
            }
            if start >= 0 {
                let last = bytes[index - 1]
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let startsWord =
                    (isLower(last) && isUpper(byte))
                    || (isUpper(last) && isUpper(byte) && next.map(isLower) ?? false)
                    || (isDigit(last) != isDigit(byte) && !(isDigit(last) && isLower(byte)))
                if startsWord { finish(at: index) }
            }
            if start < 0 { start = index }
        }
        finish(at: bytes.count)
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
        if let ascii = asciiCased(word, firstUpper: true) { return ascii }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    private static func lowered(_ word: String) -> String {
        asciiCased(word, firstUpper: false) ?? word.lowercased()
    }

    /// `word` in lower case, its first letter in upper case when `firstUpper`; `nil` unless ASCII.
    private static func asciiCased(_ word: String, firstUpper: Bool) -> String? {
        var bytes = Array(word.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if index == 0 && firstUpper {
                if isLower { bytes[index] = byte - 0x20 }
            } else if isUpper {
                bytes[index] = byte + 0x20
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
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
