import Foundation

/// Removes every credential from a request bound for another origin, for
/// `RedirectPolicy.CrossOrigin.followWithoutCredentials`.
struct CredentialStripper: Sendable {
    /// Lower-cased names of headers that carry credentials.
    let headerNames: Set<String>
    /// Lower-cased names of query parameters that carry credentials.
    let queryNames: Set<String>
    /// The credentials, in any encoding; a header or query value containing one goes too, wherever the server
    /// or a default header put it.
    let secrets: SecretMatcher

    init(schemes: [SecurityScheme], extraHeaderNames: Set<String>, extraQueryNames: Set<String>, secrets: SecretMatcher) {
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
            !headerNames.contains(field.name.lowercased()) && !secrets.contains(field.value)
        }
        request.headers = HTTPHeaders(kept)
        request.url = strippingQuery(request.url)
        return request
    }

    private func strippingQuery(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let items = components.percentEncodedQueryItems
        else { return url }
        // The matcher reads percent-encoded text, so the raw item is checked as it is.
        let kept = items.filter { item in
            let name = (item.name.removingPercentEncoding ?? item.name).lowercased()
            return !queryNames.contains(name) && !secrets.contains(item.name) && !secrets.contains(item.value ?? "")
        }
        guard kept.count != items.count else { return url }
        components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        return components.url ?? url
    }
}
