import Foundation

/// How one redirect turns a request into the next: which responses are redirects, where they lead, and
/// which method, body and headers the next request keeps.
enum RedirectRules {
    /// The statuses that redirect with a `Location`; 300, 304 and 305 are final responses.
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Headers that describe a body, dropped with it when a redirect turns the request into a `GET`.
    private static let bodyHeaders = ["Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location"]

    /// The absolute target of a `Location` value, relative ones resolved against `base` (RFC 9110 §10.2.2);
    /// `nil` unless it is an `http` or `https` URL with a host.
    static func target(of location: String, against base: URL) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// The request that follows a `status` redirect of `request` to `target`, before any credential is
    /// removed. A `POST` redirected by 301 or 302, and anything but `GET` or `HEAD` redirected by 303,
    /// becomes a `GET` without a body, as in the Fetch standard; 307 and 308 keep the method and body.
    static func request(following status: Int, from request: HTTPRequest, to target: URL) -> HTTPRequest {
        var next = request
        next.url = target
        if dropsBody(status: status, method: request.method) {
            next.method = .get
            next.body = nil
            for name in bodyHeaders { next.headers.remove(name) }
        }
        return next
    }

    /// Whether a `status` redirect of a `method` request becomes a body-less `GET`.
    static func dropsBody(status: Int, method: HTTPMethod) -> Bool {
        switch status {
        case 301, 302: method == .post
        case 303: method != .get && method != .head
        default: false
        }
    }
}
