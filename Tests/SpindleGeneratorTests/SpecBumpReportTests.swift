import Foundation
import SpindleGenerator
import Testing

/// `spindle diff`: each kind of spec change is judged by what it does to code using the client.
@Suite struct SpecBumpReportTests {
    static let base = """
        openapi: 3.1.0
        info: {title: Shop, version: '1.0'}
        paths:
          /orders:
            get:
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
        components:
          schemas:
            Order:
              type: object
              required: [id]
              properties:
                id: {type: string}
                note: {type: string}
                total: {type: integer}
                status: {type: string, enum: [open, paid]}
        """

    func changes(_ edit: (String) -> String) throws -> [APIChange] {
        try changes(from: Self.base, to: edit(Self.base))
    }

    /// The changes from `oldSpec` to `newSpec`, both generated as module `Shop`.
    func changes(from oldSpec: String, to newSpec: String) throws -> [APIChange] {
        let folder = try RepositoryPaths.temporaryFolder()
        try "module: Shop\n".write(toFile: folder + "/spindle.yaml", atomically: true, encoding: .utf8)
        try oldSpec.write(toFile: folder + "/old.yaml", atomically: true, encoding: .utf8)
        try newSpec.write(toFile: folder + "/new.yaml", atomically: true, encoding: .utf8)
        let old = try #require(VendorGenerator(specPath: folder + "/old.yaml").run().module)
        let new = try #require(VendorGenerator(specPath: folder + "/new.yaml").run().module)
        return APISurface(module: new).changes(from: APISurface(module: old))
    }

    @Test func addedEnumValueIsAdditive() throws {
        let result = try changes { $0.replacingOccurrences(of: "[open, paid]", with: "[open, paid, refunded]") }
        #expect(result == [APIChange(impact: .additive, kind: "enum value added", subject: "Order.Status", detail: "refunded")])
    }

    @Test func removedPropertyIsSourceBreaking() throws {
        let result = try changes { $0.replacingOccurrences(of: "        note: {type: string}\n", with: "") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "property removed", subject: "Order.note", detail: "String?")])
    }

    @Test func optionalToRequiredIsSourceBreaking() throws {
        let result = try changes { $0.replacingOccurrences(of: "required: [id]", with: "required: [id, note]") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "optionality changed", subject: "Order.note", detail: "String? -> String")])
    }

    @Test func changedTypeIsSourceBreaking() throws {
        let result = try changes { $0.replacingOccurrences(of: "total: {type: integer}", with: "total: {type: string}") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "property type changed", subject: "Order.total", detail: "Int? -> String?")])
    }

    @Test func addedOptionalPropertyAndOperationAreAdditive() throws {
        let result = try changes {
            $0.replacingOccurrences(of: "        id: {type: string}\n", with: "        id: {type: string}\n        currency: {type: string}\n")
                .replacingOccurrences(of: "paths:\n", with: "paths:\n  /ping:\n    get:\n      responses:\n        '204': {description: ok}\n")
        }
        #expect(result.allSatisfy { $0.impact == .additive })
        #expect(result.map(\.kind).sorted() == ["operation added", "optional property added"])
    }

    @Test func nullabilityOnlyChangeKeepsTheSwiftType() throws {
        // required + nullable and optional are both `String?` in Swift: compatible.
        let result = try changes {
            $0.replacingOccurrences(of: "required: [id]", with: "required: [id, note]")
                .replacingOccurrences(of: "note: {type: string}", with: "note: {type: [string, 'null']}")
        }
        #expect(result == [APIChange(impact: .additive, kind: "nullability changed", subject: "Order.note", detail: "String? -> String? (always sent)")])
    }

    /// `GET /orders` with a 404 response whose body is a new schema, `NotFound`.
    static func addingNotFound(_ spec: String) -> String {
        spec.replacingOccurrences(
            of: "      responses:\n        '200':",
            with: "      responses:\n        '404':\n          description: no such order\n          content:\n"
                + "            application/json:\n              schema: {$ref: '#/components/schemas/NotFound'}\n        '200':"
        ).replacingOccurrences(
            of: "  schemas:\n", with: "  schemas:\n    NotFound:\n      type: object\n      properties:\n        message: {type: string}\n")
    }

    @Test func addedErrorStatusWithANewSchemaIsSourceBreaking() throws {
        // The new schema becomes a new case of `ShopErrorBody`, so exhaustive `switch`es over it stop compiling.
        let result = try changes { Self.addingNotFound($0) }
        #expect(
            result == [
                APIChange(impact: .sourceBreaking, kind: "error body case added", subject: "ShopErrorBody.notFound", detail: "NotFound"),
                APIChange(impact: .additive, kind: "type added", subject: "NotFound", detail: "struct"),
            ])
        let report = changeReport(module: "Shop", from: "1.0", to: "1.1", changes: result)
        #expect(report.contains("(1 source-breaking, 1 additive)"))
        #expect(report.contains("source-breaking  error body case added: ShopErrorBody.notFound (NotFound)"))
    }

    @Test func removedErrorStatusIsSourceBreaking() throws {
        // A `case .notFound` in user code names a case that no longer exists.
        let result = try changes(from: Self.addingNotFound(Self.base), to: Self.base)
        #expect(result.filter { $0.impact == .sourceBreaking }.map(\.kind).sorted() == ["error body case removed", "type removed"])
        #expect(result.contains(APIChange(impact: .sourceBreaking, kind: "error body case removed", subject: "ShopErrorBody.notFound", detail: "NotFound")))
    }

    @Test func addedErrorStatusWithAKnownSchemaAddsNoCase() throws {
        // 404 and 410 share one schema, so the bump that adds 410 leaves `ShopErrorBody` as it was.
        let old = Self.addingNotFound(Self.base)
        let new = old.replacingOccurrences(
            of: "        '404':\n",
            with: "        '410':\n          description: gone\n          content:\n            application/json:\n"
                + "              schema: {$ref: '#/components/schemas/NotFound'}\n        '404':\n")
        #expect(try changes(from: old, to: new) == [])
    }

    @Test func surfaceStoredBeforeErrorBodiesWereRecordedReportsNoErrorBodyChange() throws {
        // Surfaces written by older Spindle versions have no `errorBody`; comparing against one must not
        // claim that every case was added.
        let folder = try RepositoryPaths.temporaryFolder()
        try Self.addingNotFound(Self.base).write(toFile: folder + "/new.yaml", atomically: true, encoding: .utf8)
        let module = try #require(VendorGenerator(specPath: folder + "/new.yaml").run().module)
        var old = APISurface(module: module)
        old.errorBody = nil
        #expect(APISurface(module: module).changes(from: old) == [])
    }
}
