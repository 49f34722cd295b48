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
        let folder = try RepositoryPaths.temporaryFolder()
        try Self.base.write(toFile: folder + "/old.yaml", atomically: true, encoding: .utf8)
        try edit(Self.base).write(toFile: folder + "/new.yaml", atomically: true, encoding: .utf8)
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
}
