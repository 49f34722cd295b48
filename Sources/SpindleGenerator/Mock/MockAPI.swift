import Foundation

/// A mocked API: the routes of one vendor's spec, each answering with its documented example.
///
/// Matching is deterministic: the request path is tried as written and with each server base path
/// (such as `/api/v1` from `https://{domain}/api/v1`) removed; among the routes of the request's
/// method that fit, the one with the most literal segments wins, and the earlier route breaks ties.
public struct MockAPI: Sendable {
    /// The name the API is served under, usually its vendor folder (`stigg`).
    public var name: String
    /// Every operation, in spec order (path, then method).
    public var routes: [MockRoute]
    /// Path prefixes a request may carry before an operation path, such as `/api/v1`.
    public var basePaths: [String]

    /// Creates an API from routes and base paths.
    public init(name: String, routes: [MockRoute], basePaths: [String]) {
        self.name = name
        self.routes = routes
        self.basePaths = basePaths
    }

    /// The route that answers `method` on `path` (percent-encoded, without the query), if any.
    public func route(method: String, path: String) -> MockRoute? {
        let method = method.uppercased()
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            $0.removingPercentEncoding ?? String($0)
        }
        var best: (route: MockRoute, score: Int)?
        for prefix in [[]] + basePaths.map(Self.segments) where segments.starts(with: prefix) {
            let rest = Array(segments.dropFirst(prefix.count))
            for route in routes where route.method == method {
                if let score = route.score(rest), score > (best?.score ?? -1) { best = (route, score) }
            }
        }
        return best?.route
    }

    /// The response to `method` on `path`: the matching route's example, or a 404 JSON message
    /// (`{"message": "no operation for GET /x"}`) when no operation matches.
    public func response(method: String, path: String) -> MockResponse {
        route(method: method, path: path)?.response
            ?? .message("no operation for \(method.uppercased()) \(path)", status: 404)
    }

    private static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
