import Foundation

/// The scheme, host and port of a URL: the unit credentials are scoped to (RFC 6454).
struct Origin: Hashable, Sendable {
    let scheme: String
    let host: String
    let port: Int

    /// `nil` for URLs without a scheme or host, which match no origin, not even each other.
    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        self.scheme = scheme
        self.host = host
        // An explicit default port is the same origin as none: http://a:80 is http://a.
        port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
    }
}
