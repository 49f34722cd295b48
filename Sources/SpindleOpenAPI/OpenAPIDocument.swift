import SpindleYAML

/// One OpenAPI 3.0/3.1 document, read into typed form.
public struct OpenAPIDocument: Sendable {
    public var file: String
    /// The `openapi` field, e.g. `3.0.0`.
    public var openAPIVersion: String
    public var title: String
    public var version: String
    public var description: String?
    public var servers: [Server]
    public var security: [SecurityRequirement]
    public var securitySchemes: [(name: String, scheme: SecurityScheme)]
    public var tags: [Tag]
    public var operations: [Operation]
    /// `components.schemas` in document order.
    public var schemas: [(name: String, schema: Schema)]
}
