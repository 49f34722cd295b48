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

    func changes(_ edit: (String) -> String) async throws -> [APIChange] {
        try await changes(from: Self.base, to: edit(Self.base))
    }

    /// The changes from `oldSpec` to `newSpec` (module `Shop`), as `spindle generate` reports them after the
    /// bump; `spindle diff` must have printed the same report.
    func changes(from oldSpec: String, to newSpec: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [APIChange] {
        let config = "module: Shop\n"
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": oldSpec, "spindle.yaml": config], new: ["openapi.yaml": newSpec, "spindle.yaml": config])
        bump.expectDiffMatchesGenerate(sourceLocation: sourceLocation)
        return try bump.changes()
    }

    @Test func addedEnumValueIsAdditive() async throws {
        let result = try await changes { $0.replacingOccurrences(of: "[open, paid]", with: "[open, paid, refunded]") }
        #expect(result == [APIChange(impact: .additive, kind: "enum value added", subject: "Order.Status", detail: "refunded")])
    }

    @Test func removedPropertyIsSourceBreaking() async throws {
        let result = try await changes { $0.replacingOccurrences(of: "        note: {type: string}\n", with: "") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "property removed", subject: "Order.note", detail: "String?")])
    }

    @Test func optionalToRequiredIsSourceBreaking() async throws {
        let result = try await changes { $0.replacingOccurrences(of: "required: [id]", with: "required: [id, note]") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "optionality changed", subject: "Order.note", detail: "String? -> String")])
    }

    @Test func changedTypeIsSourceBreaking() async throws {
        let result = try await changes { $0.replacingOccurrences(of: "total: {type: integer}", with: "total: {type: string}") }
        #expect(result == [APIChange(impact: .sourceBreaking, kind: "property type changed", subject: "Order.total", detail: "Int? -> String?")])
    }

    @Test func addedOptionalPropertyAndOperationAreAdditive() async throws {
        let result = try await changes {
            $0.replacingOccurrences(of: "        id: {type: string}\n", with: "        id: {type: string}\n        currency: {type: string}\n")
                .replacingOccurrences(of: "paths:\n", with: "paths:\n  /ping:\n    get:\n      responses:\n        '204': {description: ok}\n")
        }
        #expect(result.allSatisfy { $0.impact == .additive })
        #expect(result.map(\.kind).sorted() == ["operation added", "optional property added"])
    }

    @Test func nullabilityOnlyChangeKeepsTheSwiftType() async throws {
        // required + nullable and optional are both `String?` in Swift: compatible.
        let result = try await changes {
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

    @Test func addedErrorStatusWithANewSchemaIsSourceBreaking() async throws {
        // The new schema becomes a new case of `ShopErrorBody`, so exhaustive `switch`es over it stop compiling.
        let result = try await changes { Self.addingNotFound($0) }
        #expect(
            result == [
                APIChange(impact: .sourceBreaking, kind: "error body case added", subject: "ShopErrorBody.notFound", detail: "NotFound"),
                APIChange(impact: .additive, kind: "type added", subject: "NotFound", detail: "struct"),
            ])
        let report = changeReport(module: "Shop", from: "1.0", to: "1.1", changes: result)
        #expect(report.contains("(1 source-breaking, 0 deprecated, 1 additive)"))
        #expect(report.contains("source-breaking  error body case added: ShopErrorBody.notFound (NotFound)"))
    }

    @Test func removedErrorStatusIsSourceBreaking() async throws {
        // A `case .notFound` in user code names a case that no longer exists.
        let result = try await changes(from: Self.addingNotFound(Self.base), to: Self.base)
        #expect(result.filter { $0.impact == .sourceBreaking }.map(\.kind).sorted() == ["error body case removed", "type removed"])
        #expect(result.contains(APIChange(impact: .sourceBreaking, kind: "error body case removed", subject: "ShopErrorBody.notFound", detail: "NotFound")))
    }

    @Test func addedErrorStatusWithAKnownSchemaAddsNoCase() async throws {
        // 404 and 410 share one schema, so the bump that adds 410 leaves `ShopErrorBody` as it was.
        let old = Self.addingNotFound(Self.base)
        let new = old.replacingOccurrences(
            of: "        '404':\n",
            with: "        '410':\n          description: gone\n          content:\n            application/json:\n"
                + "              schema: {$ref: '#/components/schemas/NotFound'}\n        '404':\n")
        #expect(try await changes(from: old, to: new) == [])
    }

    @Test func surfaceStoredBeforeErrorBodiesWereRecordedReportsNoErrorBodyChange() async throws {
        // Surfaces written by older Spindle versions have no `errorBody`; comparing against one must not
        // claim that every case was added.
        let folder = try RepositoryPaths.temporaryFolder()
        try Self.addingNotFound(Self.base).write(toFile: folder + "/new.yaml", atomically: true, encoding: .utf8)
        let module = try #require(VendorGenerator(specPath: folder + "/new.yaml").run().module)
        var old = APISurface(module: module)
        old.errorBody = nil
        #expect(APISurface(module: module).changes(from: old) == [])
    }
    @Test func reorderedParametersAreSourceBreaking() async throws {
        // `list(limit:sort:)` becomes `list(sort:limit:)`: a call passing both no longer compiles.
        let old = Self.base.replacingOccurrences(
            of: "        - {name: limit, in: query, schema: {type: integer}}\n",
            with: "        - {name: limit, in: query, schema: {type: integer}}\n        - {name: sort, in: query, schema: {type: string}}\n")
        let new = Self.base.replacingOccurrences(
            of: "        - {name: limit, in: query, schema: {type: integer}}\n",
            with: "        - {name: sort, in: query, schema: {type: string}}\n        - {name: limit, in: query, schema: {type: integer}}\n")
        #expect(
            try await changes(from: old, to: new) == [
                APIChange(impact: .sourceBreaking, kind: "parameter order changed", subject: "orders.list", detail: "list(limit:sort:options:) -> list(sort:limit:options:)")
            ])
    }

    @Test func reorderedPropertiesReorderTheInitializer() async throws {
        let result = try await changes {
            $0.replacingOccurrences(of: "        note: {type: string}\n        total: {type: integer}\n", with: "        total: {type: integer}\n        note: {type: string}\n")
        }
        #expect(
            result == [
                APIChange(
                    impact: .sourceBreaking, kind: "initializer argument order changed", subject: "Order",
                    detail: "init(id:note:total:status:additionalProperties:) -> init(id:total:note:status:additionalProperties:)")
            ])
    }

    @Test func anEnumValueThatTakesAnothersSwiftNameIsSourceBreaking() async throws {
        // `a_b` comes first and is `.aB`, so `a-b`, which was `.aB`, becomes `.aB2`.
        let result = try await changes(
            from: Self.base.replacingOccurrences(of: "[open, paid]", with: "[open, a-b]"),
            to: Self.base.replacingOccurrences(of: "[open, paid]", with: "[open, a_b, a-b]"))
        #expect(
            result == [
                APIChange(impact: .sourceBreaking, kind: "enum case renamed", subject: "Order.Status.aB", detail: "now .aB2 for a-b"),
                APIChange(impact: .additive, kind: "enum value added", subject: "Order.Status", detail: "a_b"),
            ])
    }

    @Test func anotherCredentialChangesTheClientInitializer() async throws {
        let secured = Self.base + "\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n"
            + "    bearer: {type: http, scheme: bearer}\nsecurity: [{key: []}]\n"
        let result = try await changes(from: secured, to: secured.replacingOccurrences(of: "security: [{key: []}]", with: "security: [{bearer: []}]"))
        #expect(
            result == [
                APIChange(
                    impact: .sourceBreaking, kind: "client initializer changed", subject: "ShopClient",
                    detail: "init(apiKey:serverURL:configuration:) -> init(token:serverURL:configuration:)")
            ])
    }

    /// `GET /orders` returning a page of orders, paginated by a cursor the spec types as `cursorType`.
    static func paginated(cursorType: String) -> String {
        base.replacingOccurrences(of: "schema: {$ref: '#/components/schemas/Order'}", with: "schema: {$ref: '#/components/schemas/Page'}")
            .replacingOccurrences(
                of: "        - {name: limit, in: query, schema: {type: integer}}\n",
                with: "        - {name: limit, in: query, schema: {type: integer}}\n        - {name: after, in: query, schema: {type: string}}\n"
                    + "      x-spindle-pagination: {style: cursor, items: data, cursor: after, next: next}\n")
            + "\n    Page:\n      type: object\n      required: [data]\n      properties:\n"
            + "        data: {type: array, items: {$ref: '#/components/schemas/Order'}}\n        next: {type: \(cursorType)}\n"
    }

    @Test func paginationHelpersTheGeneratorDropsAreReported() async throws {
        // A next cursor that stops being a string leaves the operation without `listPages`/`listAll`.
        let result = try await changes(from: Self.paginated(cursorType: "string"), to: Self.paginated(cursorType: "integer"))
        #expect(result.contains(APIChange(impact: .sourceBreaking, kind: "pagination helpers removed", subject: "orders.list", detail: "orders.listPages, orders.listAll; items Order")))
        let added = try await changes(from: Self.paginated(cursorType: "integer"), to: Self.paginated(cursorType: "string"))
        #expect(added.contains(APIChange(impact: .additive, kind: "pagination helpers added", subject: "orders.list", detail: "orders.listPages, orders.listAll; items Order")))
    }

    @Test func aDeprecationLiftedIsAdditive() async throws {
        let deprecated = Self.base.replacingOccurrences(of: "    get:\n", with: "    get:\n      deprecated: true\n")
            .replacingOccurrences(of: "note: {type: string}", with: "note: {type: string, deprecated: true}")
        #expect(
            try await changes(from: deprecated, to: Self.base) == [
                APIChange(impact: .additive, kind: "operation no longer deprecated", subject: "orders.list")
            ])
        #expect(try await changes(from: Self.base, to: deprecated).map(\.impact) == [.deprecated, .deprecated])
    }

    /// `Tests/Fixtures/surfaces/constructs-format1.json` is the surface Spindle wrote for the constructs spec
    /// before format 2. Such a surface, checked in by users, still locks names, keeps a renamed type, and is
    /// compared only in what it records.
    @Test func aSurfaceOfTheFirstFormatStillLocksAndCompares() async throws {
        let old = try #require(APISurface.read(file: RepositoryPaths.root + "/Tests/Fixtures/surfaces/constructs-format1.json"))
        #expect(old.format == nil && old.client == nil)
        let output = VendorGenerator(specPath: RepositoryPaths.constructsSpec) { _ in old }.run()
        let new = try #require(output.surface)
        #expect(new.names.types.filter { old.names.types[$0.key] != nil }.allSatisfy { old.names.types[$0.key] == $0.value })
        #expect(new.types["Tag"]?.renamed == true && new.types["Tag"]?.target == "WidgetTag")
        // What format 1 did not record (deprecations, pagination, signatures) is not reported as changed.
        #expect(
            SpecBump(from: old, to: new).report == """
                Constructs 1.0.0 -> 1.0.0: 11 changes (0 source-breaking, 1 deprecated, 10 additive)
                  deprecated       type renamed: Tag (now WidgetTag; Tag is kept as a deprecated typealias)
                  additive         type added: Forest (wrapper)
                  additive         type added: Gizmo (struct)
                  additive         type added: Gizmo.Mode (enum)
                  additive         type added: Nesting (wrapper)
                  additive         type added: Trees (wrapper)
                  additive         optional property added: Widget.gizmo (Gizmo?)
                  additive         type added: WidgetTag (struct)
                  additive         operation added: gizmos.list (GET /gizmos)
                  additive         optional parameter added: widgets.list(sort:) (String?)
                  additive         operation added: widgets.retrieveBeta (GET /widgets/{widget_id}?beta=true)
                """)
    }
}
