import Foundation

/// Removes every credential from a request bound for another origin, for
/// `RedirectPolicy.CrossOrigin.followWithoutCredentials`.
struct CredentialStripper: Sendable {
    /// Lower-cased names of headers that carry credentials.
    let headerNames: Set<String>
    /// Lower-cased names of query parameters that carry credentials.
    let queryNames: Set<String>
    /// The credential in every form it is sent in; a header or query value containing one goes too, wherever
    /// the server or a default header put it.
    let secrets: [String]

    init(schemes: [SecurityScheme], extraHeaderNames: Set<String>, extraQueryNames: Set<String>, secrets: [String]) {
        var headerNames: Set<String> = ["authorization", "proxy-authorization", "cookie"]
        var queryNames: Set<String> = []
        for case .apiKey(let name, let location) in schemes {
            switch location {
            case .header: headerNames.insert(name.lowercased())
            case .query: queryNames.insert(name.lowercased())
            case .cookie: break  // the whole Cookie header goes
            }
        }
        self.headerNames = headerNames.union(extraHeaderNames.map { $0.lowercased() })
        // Only names known to carry this client's credentials: a generic list ("signature", "token") would
        // break the pre-signed URLs that cross-origin redirects usually lead to.
        self.queryNames = queryNames.union(extraQueryNames.map { $0.lowercased() })
        self.secrets = secrets
    }

    func strip(_ request: HTTPRequest) -> HTTPRequest {
        var request = request
        let kept = request.headers.fields.filter { field in
            !headerNames.contains(field.name.lowercased()) && !containsSecret(field.value)
        }
        request.headers = HTTPHeaders(kept)
        request.url = strippingQuery(request.url)
        return request
    }

    private func strippingQuery(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let items = components.percentEncodedQueryItems
        else { return url }
        let kept = items.filter { item in
            let name = (item.name.removingPercentEncoding ?? item.name).lowercased()
            let value = item.value ?? ""
            return !queryNames.contains(name) && !containsSecret(value) && !containsSecret(value.removingPercentEncoding ?? value)
        }
        guard kept.count != items.count else { return url }
        components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        return components.url ?? url
    }

    private func containsSecret(_ text: String) -> Bool {
        secrets.contains { text.contains($0) }
    }
}
