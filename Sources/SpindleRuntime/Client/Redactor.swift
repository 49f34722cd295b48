import Foundation

/// Removes credentials from everything the client shows: URLs, headers and free text.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"

    /// Lower-cased header names whose values are never shown.
    let headerNames: Set<String>
    /// Lower-cased query parameter names whose values are never shown.
    let queryNames: Set<String>
    /// Secret strings scrubbed from free text (error messages, echoed bodies).
    let secrets: [String]

    init(schemes: [SecurityScheme], credential: Credential?, extraHeaderNames: Set<String>, extraQueryNames: Set<String>) {
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
        // Longest first, so a secret is replaced before a shorter one it contains; very short "secrets" would
        // mangle unrelated text and are not worth hiding.
        secrets = (credential?.secrets ?? []).filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// The URL as display text with sensitive query values and any user password replaced. Works on the
    /// string because the placeholder is not valid inside a percent-encoded URL component.
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

    func headers(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.fields.map { field in
            if headerNames.contains(field.name.lowercased()) {
                return HTTPHeaders.Field(name: field.name, value: Self.placeholder)
            }
            return HTTPHeaders.Field(name: field.name, value: text(field.value))
        })
    }

    func text(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.placeholder) }
    }

    func summary(of request: HTTPRequest) -> RequestSummary {
        RequestSummary(method: request.method, url: url(request.url))
    }
}
