/// An HTTP request method such as `GET` or `POST`.
///
/// A struct rather than an enum so that extension methods (`PROPFIND`, `QUERY`, ...) can be expressed
/// without a catch-all case.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token as sent on the wire, e.g. `"GET"`.
    public let rawValue: String

    /// Creates a method from its token; the token is upper-cased because methods are case-sensitive on the wire
    /// and every registered method is upper-case.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`
    public static let get = HTTPMethod(rawValue: "GET")
    /// `PUT`
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `POST`
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PATCH`
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `HEAD`
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `OPTIONS`
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    /// `TRACE`
    public static let trace = HTTPMethod(rawValue: "TRACE")

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2).
    ///
    /// The retry logic only repeats non-idempotent requests (`POST`, `PATCH`, unknown methods) after a
    /// failure that may have reached the server when the request carries an idempotency key.
    public var isIdempotent: Bool {
        switch self {
        case .get, .put, .delete, .head, .options, .trace: true
        default: false
        }
    }

    /// The method token.
    public var description: String { rawValue }
}
