import SpindleOpenAPI
import SpindleYAML
import Testing

/// What split specs write that OpenAPI does not allow, but bundlers follow: `$ref` on an operation and in
/// place of a `properties` map (DigitalOcean), and a query string in a path template (ClickSend).
@Suite struct SplitSpecTests {
    static let files = [
        "api.yaml": """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /droplets:
                get: {$ref: 'resources/droplets_list.yml'}
            """,
        "resources/droplets_list.yml": """
            operationId: droplets_list
            responses:
              '200':
                description: The droplets.
                content:
                  application/json:
                    schema: {$ref: 'models/droplet.yml'}
            """,
        "resources/models/droplet.yml": """
            type: object
            properties:
              $ref: 'attributes.yml#/droplet'
            """,
        "resources/models/attributes.yml": """
            droplet:
              id: {type: integer}
              region: {$ref: 'region.yml'}
            """,
        "resources/models/region.yml": "{type: string, description: A region slug.}",
    ]

    @Test func operationsAndPropertyMapsBehindReferencesAreFollowed() throws {
        let loaded = load(Self.files)
        #expect(loaded.diagnostics == [])
        let api = try #require(loaded.api)
        let operation = try #require(api.operations.first)
        #expect(operation.operationId == "droplets_list")
        #expect(operation.responses.map(\.status) == ["200"])
        let schema = try #require(operation.responses.first?.content.first?.schema)
        let resolved = loaded.loader.resolve(schema) ?? schema
        #expect(resolved.properties.map(\.name) == ["id", "region"])
        // The property's own `$ref` resolves against the file that holds the map.
        let region = try #require(resolved.properties.last?.schema)
        #expect((loaded.loader.resolve(region) ?? region).description == "A region slug.")
    }

    @Test func aQueryStringInAPathIsLeftOutWithAWarning() throws {
        let loaded = load("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /uploads?convert={convert}:
                post:
                  parameters:
                    - {name: convert, in: query, required: true, schema: {type: string}}
                  responses:
                    '204': {description: Uploaded.}
            """)
        #expect(loaded.diagnostics == [
            "api.yaml:4:3: warning: path '/uploads?convert={convert}' has a query string; it is left out of the path (declare its parameters 'in: query') [-Wpath-query-string]",
        ])
        #expect(loaded.api?.operations.map(\.path) == ["/uploads"])
    }
}
