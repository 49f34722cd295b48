/// RFC 3986 percent-encoding with the character sets each parameter location needs.
enum PercentEncoding {
    /// Which bytes may stay literal.
    enum Allowed {
        /// Only unreserved characters (`A-Z a-z 0-9 - . _ ~`): path segments, where `/` must not split a value.
        case unreserved
        /// Unreserved plus `:` `@` `/` `?`, which RFC 3986 allows in a query and no form parser treats
        /// specially. Sub-delimiters (`& = + , ; ...`) and brackets are always encoded inside values.
        case queryValue
        /// Everything RFC 6265 allows in a cookie value except `%`, which is encoded so values round-trip.
        case cookieValue
        /// The `application/x-www-form-urlencoded` set (WHATWG): alphanumerics and `*-._`; space becomes `+`.
        case formBody
    }

    static func encode(_ string: String, allowing allowed: Allowed) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isLiteral(byte, in: allowed) {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else if byte == UInt8(ascii: " ") && allowed == .formBody {
                output.append("+")
            } else {
                output.append("%")
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return output
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    private static func isLiteral(_ byte: UInt8, in allowed: Allowed) -> Bool {
        let isAlphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        if isAlphanumeric { return true }
        let character = Character(UnicodeScalar(byte))
        switch allowed {
        case .unreserved:
            return "-._~".contains(character)
        case .queryValue:
            return "-._~:@/?".contains(character)
        case .cookieValue:
            // RFC 6265 cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon and backslash.
            return byte > 0x20 && byte < 0x7F && !"\",;\\%".contains(character)
        case .formBody:
            return "*-._".contains(character)
        }
    }
}
