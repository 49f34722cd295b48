/// How an API expects credentials (OpenAPI `securitySchemes`).
public enum SecurityScheme: Sendable, Hashable {
    /// Where an API key goes.
    public enum Location: Sendable, Hashable {
        /// A request header named after the scheme.
        case header
        /// A query parameter named after the scheme.
        case query
        /// A cookie named after the scheme.
        case cookie
    }

    /// An API key sent as the header, query parameter or cookie `name`.
    case apiKey(name: String, in: Location)
    /// `Authorization: Bearer <token>`.
    case bearer
    /// `Authorization: Basic <base64(username:password)>`.
    case basic
}
