/// How `APIClient` follows HTTP redirects (301, 302, 303, 307, 308 with a `Location`).
///
/// The client follows redirects itself rather than leaving it to the transport, so that credentials are only
/// ever sent to the configured server's origin (scheme, host and port), whatever the transport does.
/// Same-origin redirects are followed with every header, credentials included. 301 and 302 turn a `POST` into
/// a `GET` without a body, 303 turns anything but `GET` and `HEAD` into a `GET` without a body (as browsers
/// do, after the Fetch standard), and 307 and 308 keep the method and the body.
public struct RedirectPolicy: Sendable, Hashable {
    /// What to do with a redirect to another origin.
    public enum CrossOrigin: Sendable, Hashable {
        /// Fail with `ClientError.redirect` without contacting the other origin (the default).
        case refuse
        /// Follow it, but without any credential: the security schemes' headers, query parameters and cookies,
        /// `Authorization`, `Proxy-Authorization`, `Cookie`, `ClientConfiguration.redactedHeaderNames` and
        /// `redactedQueryNames`, and any header or query value containing the credential are all removed, and
        /// are not restored for the rest of the chain.
        case followWithoutCredentials
    }

    /// The most redirects one attempt follows before failing with `ClientError.redirect`.
    public var maxRedirects: Int
    /// What to do with a redirect to another origin.
    public var crossOrigin: CrossOrigin

    /// Creates a policy.
    public init(maxRedirects: Int = 10, crossOrigin: CrossOrigin = .refuse) {
        self.maxRedirects = maxRedirects
        self.crossOrigin = crossOrigin
    }

    /// Up to 10 same-origin redirects; cross-origin ones are refused.
    public static let `default` = RedirectPolicy()
}
