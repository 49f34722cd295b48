/// The check on server URLs that generated clients are created with.
///
/// Strict on purpose: `URL(string:)` differs between platforms (newer Foundation on Apple platforms
/// percent-encodes a space that Linux refuses), so only what RFC 3986 allows unencoded passes, in ASCII.
/// What passes parses everywhere; the generated code does not rely on it either (it has a fallback).
public enum ServerURL: Sendable {
    /// Why `url` is not an absolute `http` or `https` URL with a host, or `nil` when it is.
    public static func problem(_ url: String) -> String? {
        guard !url.isEmpty else { return "is empty" }
        let bytes = Array(url.utf8)
        guard let schemeEnd = firstIndex(of: ":", in: bytes) else { return "is relative: it has no scheme" }
        let scheme = String(decoding: bytes[..<schemeEnd], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else {
            return scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) && !scheme.isEmpty
                ? "is not an http or https URL" : "has no valid scheme"
        }
        let rest = bytes[(schemeEnd + 1)...]
        guard rest.starts(with: Array("//".utf8)) else { return "has no '//' and host after its scheme" }
        let afterSlashes = rest.dropFirst(2)
        let authorityEnd = afterSlashes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        var authority = afterSlashes[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            guard authority[..<at].allSatisfy({ isAllowed($0) && $0 != UInt8(ascii: "@") || $0 == UInt8(ascii: "%") }) else { return "has an invalid user" }
            authority = authority[(at + 1)...]
        }
        if let problem = hostProblem(authority) { return problem }
        for index in authorityEnd..<bytes.endIndex where !isAllowed(bytes[index]) {
            return bytes[index] >= 0x80 ? "has a non-ASCII character; percent-encode it" : "has the character '\(Character(Unicode.Scalar(bytes[index])))', which must be percent-encoded"
        }
        if let problem = percentProblem(bytes) { return problem }
        return nil
    }

    private static func hostProblem(_ authority: ArraySlice<UInt8>) -> String? {
        var host = authority
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return "has an unclosed '[' in its host" }
            let literal = authority[(authority.startIndex + 1)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                return "has an invalid IPv6 address"
            }
            host = authority[(close + 1)...]
            guard host.isEmpty || host.first == UInt8(ascii: ":") else { return "has text after its IPv6 address" }
            return portProblem(host.dropFirst())
        }
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            if let problem = portProblem(authority[(colon + 1)...]) { return problem }
            host = authority[..<colon]
        }
        guard !host.isEmpty else { return "has no host" }
        for byte in host where !(isUnreserved(byte) || byte == UInt8(ascii: "%") || isSubDelimiter(byte)) {
            return byte >= 0x80 ? "has a non-ASCII host; write it in punycode" : "has the character '\(Character(Unicode.Scalar(byte)))' in its host"
        }
        return nil
    }

    private static func portProblem(_ port: ArraySlice<UInt8>) -> String? {
        guard port.allSatisfy({ (0x30...0x39).contains($0) }), port.count <= 5, (Int(String(decoding: port, as: UTF8.self)) ?? 0) <= 65_535 else {
            return "has an invalid port"
        }
        return nil
    }

    private static func percentProblem(_ bytes: [UInt8]) -> String? {
        for index in bytes.indices where bytes[index] == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                return "has a '%' that does not start a percent-escape"
            }
        }
        return nil
    }

    private static func firstIndex(of character: Character, in bytes: [UInt8]) -> Int? {
        let target = character.asciiValue!
        for (index, byte) in bytes.enumerated() {
            if byte == target { return index }
            // A scheme is letters, digits, `+-.`: anything else first means there is no scheme.
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return nil
            }
        }
        return nil
    }

    /// Unreserved, sub-delimiters, `:@/?#` and `%` (checked separately): RFC 3986 outside the host.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelimiter(byte) || ":@/?#%".utf8.contains(byte)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || "-._~".utf8.contains(byte)
    }

    private static func isSubDelimiter(_ byte: UInt8) -> Bool { "!$&'()*+,;=".utf8.contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

extension IRBuilder {
    /// The spec's servers with variables replaced by their defaults. The first, which generated clients
    /// default to, is checked: when it is unusable a warning at its `url` says so, and the client uses
    /// `http://localhost` (the default for a spec without servers) instead of trapping when created.
    func servers() -> [IRServer] {
        api.servers.enumerated().map { index, server in
            var url = server.url
            for variable in server.variables { url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue) }
            var built = IRServer(url: url, description: server.description)
            if index == 0, let problem = ServerURL.problem(url) {
                built.isValid = false
                let shown = url == server.url ? "" : " (with its variables' defaults)"
                report(
                    .warning(
                        .invalidServerURL,
                        "server URL \(ConfigNames.quoted(url))\(shown) \(problem); the generated client's defaultServerURL is http://localhost instead: pass serverURL",
                        at: server.location))
            }
            return built
        }
    }
}
