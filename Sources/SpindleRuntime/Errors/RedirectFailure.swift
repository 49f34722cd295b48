/// A redirect the client would not follow.
public struct RedirectFailure: Sendable, Hashable, CustomStringConvertible {
    /// Why the redirect was not followed.
    public enum Reason: Sendable, Hashable {
        /// It pointed to another origin and `RedirectPolicy.crossOrigin` is `.refuse`.
        case crossOrigin
        /// It would have gone past `RedirectPolicy.maxRedirects`.
        case tooManyRedirects
        /// Its `Location` is not a valid `http` or `https` URL.
        case invalidLocation
    }

    /// Why the redirect was not followed.
    public let reason: Reason
    /// The redirect's status, e.g. `302`.
    public let status: Int
    /// The `Location` target, resolved against the request URL, with credentials redacted.
    public let location: String
    /// The request that received the redirect.
    public let request: RequestSummary
    /// How many redirects had been followed before this one.
    public let redirectsFollowed: Int

    /// Creates a failure. `location` must already be redacted.
    public init(reason: Reason, status: Int, location: String, request: RequestSummary, redirectsFollowed: Int) {
        self.reason = reason
        self.status = status
        self.location = location
        self.request = request
        self.redirectsFollowed = redirectsFollowed
    }

    /// `Refused the HTTP 302 redirect of GET https://… to https://other…: another origin …`
    public var description: String {
        let why = switch reason {
        case .crossOrigin: "it leads to another origin, which would receive the request's credentials"
        case .tooManyRedirects: "\(redirectsFollowed) redirects were already followed"
        case .invalidLocation: "the target is not an http or https URL"
        }
        return "Refused the HTTP \(status) redirect of \(request) to \(location): \(why)"
    }
}
