import Foundation
import SpindleGenerator
import Testing

/// Deprecated operations, parameters, properties and types compile without a warning in generated code
/// (the module is emitted with warnings as errors), and an app gets a warning exactly where it uses one.
@Suite struct DeprecatedCodeTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: '1.0'}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: after, in: query, deprecated: true, description: Use pages., schema: {type: string}}
                - {name: region, in: query, required: true, deprecated: true, schema: {type: string}}
                - {name: color, in: query, deprecated: true, schema: {type: string}}
                - {name: size, in: query, schema: {type: integer}}
                - {name: shape, in: query, deprecated: true, schema: {$ref: '#/components/schemas/Shape'}}
              x-spindle-pagination: {style: cursor, items: data, cursor: after, next: next}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Page'}
          /search:
            post:
              operationId: search
              deprecated: true
              parameters:
                - {name: trace, in: header, deprecated: true, schema: {type: string}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        offset: {type: integer, deprecated: true}
                        query: {type: string}
              x-spindle-pagination: {style: offset, in: body, items: data, offset: offset, limit: offset}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Page'}
        components:
          schemas:
            Shape:
              deprecated: true
              type: string
              enum: [round, square]
            Page:
              type: object
              required: [data]
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Item'}}
                next: {type: string, deprecated: true}
            Item:
              type: object
              properties:
                id: {type: string}
                shape: {$ref: '#/components/schemas/Shape'}
                self: {type: string, deprecated: true}
                created: {type: string, format: date-time, deprecated: true}
                updated: {type: integer, format: int64, x-spindle-timestamp: unix-milliseconds, deprecated: true}
        """

    /// The generated module, written to a folder.
    static func generate() throws -> String {
        let folder = try RepositoryPaths.temporaryFolder()
        try "module: Shop\n".write(toFile: folder + "/spindle.yaml", atomically: true, encoding: .utf8)
        try spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        let output = VendorGenerator(specPath: folder + "/openapi.yaml").run()
        try #require(output.succeeded, "\(output.diagnostics)")
        try OutputDirectory(path: folder + "/Shop").replace(with: output.files)
        return folder + "/Shop"
    }

    @Test func generatedCodeDoesNotWarnAndTheAppWarnsWhereItUsesWhatIsDeprecated() async throws {
        let generated = try Self.generate()
        let module = try await SwiftCompiler.emitModule(named: "Shop", from: generated)
        // The overloads and underscored declarations are the ones the surface names.
        let surface = try #require(APISurface.stored(in: generated))
        let declared = try await APISurfaceDeclarationTests.publicDeclarations(of: "Shop", in: module)
        #expect(declared.symmetricDifference(surface.declarations).sorted() == [])
        let app = """
            import Shop

            func use(_ client: ShopClient) async throws {
                _ = try await client.orders.list(region: "eu", size: 1)
                _ = try await client.orders.list(region: "eu", after: "a")
                _ = try await client.orders.list(region: "eu", color: "red", size: 1)
                _ = try await client.orders.list(region: "eu", shape: .round)
                _ = try await client.orders.list(region: "eu", after: "a", color: "red", size: 1, shape: nil)
                for try await item in client.orders.listAll(region: "eu") { _ = item.id }
                for try await item in client.orders.listAll(region: "eu", color: "red") { _ = item.`self` }
            }

            """
        let result = try await SwiftCompiler.typecheck(app: app, against: [module])
        #expect(result.status == 0, "\(result.standardOutput)")
        let warnings = result.standardOutput.split(separator: "\n").filter { $0.contains(": warning: ") }.map { String($0.split(separator: ": warning: ")[1]) }
        #expect(
            warnings == [
                "'list(region:after:color:size:shape:options:)' is deprecated: Use pages. [#DeprecatedDeclaration]",
                "'list(region:color:size:shape:options:)' is deprecated [#DeprecatedDeclaration]",
                "'list(region:size:shape:options:)' is deprecated [#DeprecatedDeclaration]",
                "'list(region:after:color:size:shape:options:)' is deprecated: Use pages. [#DeprecatedDeclaration]",
                "'listAll(region:color:size:shape:options:)' is deprecated [#DeprecatedDeclaration]",
                "'self' is deprecated [#DeprecatedDeclaration]",
            ], "\(result.standardOutput)")
    }
}
