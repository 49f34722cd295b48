import Foundation

/// Removes credentials from everything the client shows: URLs, headers, free text and error values.
///
/// Works from a set of secret strings (``SecretMatcher`` finds each in every encoding a server may echo it),
/// so it hides any number of credentials.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"

    /// Lower-cased header names whose values are never shown.
    let headerNames: Set<String>
    /// Lower-cased query parameter names whose values are never shown.
    let queryNames: Set<String>
    /// The secrets, found in any encoding.
    let secrets: SecretMatcher

    init(schemes: [SecurityScheme], secrets: some Sequence<String>, extraHeaderNames: Set<String>, extraQueryNames: Set<String>) {
        var headerNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]
        var queryNames: Set<String> = ["api_key", "apikey", "api-key", "access_token", "token", "key", "secret",
                                       "client_secret", "password", "signature", "sig"]
        for case .apiKey(let name, let location) in schemes {
            switch location {
            case .header: headerNames.insert(name.lowercased())
            case .query: queryNames.insert(name.lowercased())
            case .cookie: break  // the whole Cookie header is redacted
            }
        }
        self.headerNames = headerNames.union(extraHeaderNames.map { $0.lowercased() })
        self.queryNames = queryNames.union(extraQueryNames.map { $0.lowercased() })
        self.secrets = SecretMatcher(secrets: secrets)
    }

    /// The URL as display text with sensitive query values, any user password and every secret replaced.
    /// Works on the string because the placeholder is not valid inside a percent-encoded URL component.
    func url(_ url: URL) -> String {
        var text = url.absoluteString
        if let password = url.password(percentEncoded: true), !password.isEmpty {
            text = text.replacingOccurrences(of: ":\(password)@", with: ":\(Self.placeholder)@")
        }
        guard let queryStart = text.firstIndex(of: "?") else { return self.text(text) }
        let fragmentStart = text[queryStart...].firstIndex(of: "#") ?? text.endIndex
        let query = text[text.index(after: queryStart)..<fragmentStart]
        let redactedQuery = query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let decodedName = (name.removingPercentEncoding ?? name).lowercased()
            return queryNames.contains(decodedName) && pair.contains("=") ? "\(name)=\(Self.placeholder)" : String(pair)
        }.joined(separator: "&")
        text.replaceSubrange(text.index(after: queryStart)..<fragmentStart, with: redactedQuery)
        return self.text(text)
    }

    /// Headers for display: sensitive names get the placeholder as value, every other name and value is
    /// scrubbed of secrets.
    func headers(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.fields.map { field in
            let value = headerNames.contains(field.name.lowercased()) ? Self.placeholder : text(field.value)
            return HTTPHeaders.Field(name: text(field.name), value: value)
        })
    }

    /// `text` with every secret, in any encoding, replaced by the placeholder.
    func text(_ text: String) -> String {
        secrets.replacing(in: text, with: Self.placeholder)
    }

    func summary(of request: HTTPRequest) -> RequestSummary {
        RequestSummary(method: request.method, url: url(request.url))
    }
}
