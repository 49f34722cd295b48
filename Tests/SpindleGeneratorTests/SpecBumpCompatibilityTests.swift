import Foundation
import Testing

/// Spec bumps taken with the `spindle` tool as a user takes them. Each checks that `spindle diff` printed
/// exactly what the regeneration printed, that the report says what the bump does, and, where it claims
/// something about source compatibility, compiles a small app against the module before and after.
@Suite struct SpecBumpCompatibilityTests {
    static let config = "module: Shop\n"

    /// `GET /orders`, paginated by cursor, returning a page of orders.
    static let orders = """
        openapi: 3.1.0
        info: {title: Shop, version: '1.0'}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: after, in: query, schema: {type: string}}
                - {name: status, in: query, schema: {type: string}}
              x-spindle-pagination: {style: cursor, items: data, cursor: after, next: next}
              responses:
                '200':
                  description: A page of orders.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/OrderPage'}
          /orders/{id}:
            get:
              operationId: getOrder
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: The order.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
        components:
          schemas:
            Order:
              description: An order.
              type: object
              required: [id]
              properties:
                id: {type: string}
                note: {type: string, description: A note for the shop. Shown on the receipt.}
            OrderPage:
              type: object
              required: [data]
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Order'}}
                next: {type: string}

        """

    static let paginationExtension = "      x-spindle-pagination: {style: cursor, items: data, cursor: after, next: next}\n"

    static func bumped(_ spec: String) -> String { spec.replacingOccurrences(of: "version: '1.0'", with: "version: '1.1'") }

    /// An app that pages through the orders and reads a page.
    static let pagingApp = """
        import Shop

        func orderIDs(_ client: ShopClient) async throws -> [String] {
            var ids: [String] = []
            for try await order in client.orders.listAll(status: "open") { ids.append(order.id) }
            let page = try await client.orders.list(after: nil)
            return ids + page.data.map(\\.id)
        }

        """

    /// Checks that `app` compiles against the module before the bump and not after it.
    func expectBreaks(_ app: String, _ bump: SpecBumpRun, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let compiled = try await bump.compile(app)
        #expect(compiled.before.status == 0, "\(compiled.before.standardOutput)", sourceLocation: sourceLocation)
        #expect(compiled.after.status != 0, "\(compiled.after.standardOutput)", sourceLocation: sourceLocation)
    }

    @Test func paginationRemovedFromTheSpecIsSourceBreaking() async throws {
        let new = Self.bumped(Self.orders).replacingOccurrences(of: Self.paginationExtension, with: "")
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": Self.orders, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.0 -> 1.1: 1 change (1 source-breaking, 0 deprecated, 0 additive)
                  source-breaking  pagination helpers removed: orders.list (orders.listPages, orders.listAll; items Order)
                """)
        try await expectBreaks(Self.pagingApp, bump)
        let compiled = try await bump.compile(Self.pagingApp)
        #expect(compiled.after.standardOutput.contains("value of type 'ShopClient.OrdersAPI' has no member 'listAll'"), "\(compiled.after.standardOutput)")
    }

    @Test func paginationRemovedFromTheConfigIsSourceBreaking() async throws {
        let spec = Self.orders.replacingOccurrences(of: Self.paginationExtension, with: "")
        let paginated = Self.config + "pagination:\n  listOrders: {style: cursor, items: data, cursor: after, next: next}\n"
        let bump = try await SpecBumpRun.run(
            old: ["openapi.yaml": spec, "spindle.yaml": paginated], new: ["openapi.yaml": Self.bumped(spec), "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(bump.report.contains("source-breaking  pagination helpers removed: orders.list (orders.listPages, orders.listAll; items Order)"))
        try await expectBreaks(Self.pagingApp, bump)
    }

    @Test func responseObjectBecomingAnArrayReportsTheHelpersItDrops() async throws {
        // The page is gone, and with it the pagination declaration that pointed into it.
        let new = Self.bumped(Self.orders).replacingOccurrences(of: Self.paginationExtension, with: "")
            .replacingOccurrences(
                of: "schema: {$ref: '#/components/schemas/OrderPage'}", with: "schema: {type: array, items: {$ref: '#/components/schemas/Order'}}")
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": Self.orders, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.0 -> 1.1: 2 changes (2 source-breaking, 0 deprecated, 0 additive)
                  source-breaking  pagination helpers removed: orders.list (orders.listPages, orders.listAll; items Order)
                  source-breaking  return type changed: orders.list (OrderPage -> [Order])
                """)
        try await expectBreaks(Self.pagingApp, bump)
    }

    @Test func aNewSchemaTakingOverATitleIsReportedAlikeByDiffAndGenerate() async throws {
        // `Customer` is the title of the inline schema `GET /customers/{id}` returns. A new component whose
        // property is another shape titled `Customer` comes first in the index: without the previous
        // generation's names it would take the title, and the type apps use would be renamed.
        let old = """
            openapi: 3.1.0
            info: {title: Shop, version: '1.0'}
            paths:
              /customers/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: The customer.
                      content:
                        application/json:
                          schema:
                            title: Customer
                            type: object
                            required: [id]
                            properties:
                              id: {type: string}
                              email: {type: string}

            """
        let new = Self.bumped(old) + """
            components:
              schemas:
                Account:
                  type: object
                  properties:
                    customer:
                      title: Customer
                      type: object
                      properties:
                        reference: {type: integer}

            """
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": old, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(bump.report.hasPrefix("Shop 1.0 -> 1.1: 2 changes (0 source-breaking, 0 deprecated, 2 additive)"), "\(bump.report)")
        // The next bump is judged with the names the regeneration kept, from the output folder or a surface
        // file: generated afresh, 1.1 would give the title to the new schema.
        let next = new.replacingOccurrences(of: "version: '1.1'", with: "version: '1.2'")
            .replacingOccurrences(of: "                  email: {type: string}\n", with: "                  email: {type: string}\n                  phone: {type: string}\n")
        try FileManager.default.createDirectory(atPath: bump.root + "/next", withIntermediateDirectories: true)
        try next.write(toFile: bump.root + "/next/openapi.yaml", atomically: true, encoding: .utf8)
        try Self.config.write(toFile: bump.root + "/next/spindle.yaml", atomically: true, encoding: .utf8)
        let spindle = try BuildProducts.spindle()
        let locked = try await run(spindle, ["diff", "new", "next", "--output", "out"], in: bump.root)
        #expect(locked.standardOutput.contains("additive         optional property added: Customer.phone (String?)"), "\(locked.standardOutput)")
        let surface = try await run(spindle, ["diff", "new", "next", "--output", "nowhere", "--surface", "out/Shop/spindle-surface.json"], in: bump.root)
        #expect(surface.standardOutput == locked.standardOutput)
        let unlocked = try await run(spindle, ["diff", "new", "next", "--output", "nowhere"], in: bump.root)
        #expect(!unlocked.standardOutput.contains("Customer.phone"), "\(unlocked.standardOutput)")
        let app = """
            import Shop

            func email(_ client: ShopClient) async throws -> String? {
                let customer: Customer = try await client.customers.retrieve(id: "c1")
                return customer.email
            }

            """
        let compiled = try await bump.compile(app)
        #expect(compiled.before.status == 0 && compiled.before.standardOutput.isEmpty, "\(compiled.before.standardOutput)")
        #expect(compiled.after.status == 0 && compiled.after.standardOutput.isEmpty, "\(compiled.after.standardOutput)")
    }

    @Test func aRenamedSchemaKeepsItsOldNameAsADeprecatedAlias() async throws {
        let new = Self.bumped(Self.orders).replacingOccurrences(of: "schemas/Order'", with: "schemas/Purchase'")
            .replacingOccurrences(of: "    Order:\n", with: "    Purchase:\n")
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": Self.orders, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.0 -> 1.1: 2 changes (0 source-breaking, 1 deprecated, 1 additive)
                  deprecated       type renamed: Order (now Purchase; Order is kept as a deprecated typealias)
                  additive         type added: Purchase (struct)
                """)
        let app = """
            import Shop

            func notes(_ client: ShopClient) async throws -> [String] {
                let orders: [Order] = try await client.orders.list().data
                return orders.compactMap(\\.note) + [Order(id: "o1").id]
            }

            """
        let compiled = try await bump.compile(app)
        #expect(compiled.before.status == 0 && compiled.before.standardOutput.isEmpty, "\(compiled.before.standardOutput)")
        #expect(compiled.after.status == 0, "\(compiled.after.standardOutput)")
        #expect(compiled.after.standardOutput.contains("warning: 'Order' is deprecated: renamed to 'Purchase'"), "\(compiled.after.standardOutput)")
    }

    @Test func aRenamedSchemaIsRemovedWhenTheConfigSaysSo() async throws {
        let new = Self.bumped(Self.orders).replacingOccurrences(of: "schemas/Order'", with: "schemas/Purchase'")
            .replacingOccurrences(of: "    Order:\n", with: "    Purchase:\n")
        let config = Self.config + "naming:\n  keepRenamedTypes: false\n"
        let bump = try await SpecBumpRun.run(old: ["openapi.yaml": Self.orders, "spindle.yaml": config], new: ["openapi.yaml": new, "spindle.yaml": config])
        bump.expectDiffMatchesGenerate()
        #expect(bump.report.contains("source-breaking  type removed: Order (struct)"), "\(bump.report)")
        #expect(!FileManager.default.fileExists(atPath: bump.after + "/Types/Order.swift"))
    }

    /// `GET /orders/{id}` deprecated, and the `status` parameter of `GET /orders`, the `note` property and the
    /// `OrderPage` schema.
    static let deprecations = bumped(orders)
        .replacingOccurrences(of: "      operationId: getOrder\n", with: "      operationId: getOrder\n      deprecated: true\n      x-deprecated-message: Use the \"search\" endpoint.\n")
        .replacingOccurrences(
            of: "{name: status, in: query, schema: {type: string}}",
            with: "{name: status, in: query, deprecated: true, description: Filters nothing any more., schema: {type: string}}")
        .replacingOccurrences(of: "note: {type: string, description: A note", with: "note: {type: string, deprecated: true, description: A note")
        .replacingOccurrences(of: "    OrderPage:\n      type: object\n", with: "    OrderPage:\n      deprecated: true\n      type: object\n")

    @Test func deprecationsAreReportedAndWarnOnlyWhereTheAppUsesThem() async throws {
        let bump = try await SpecBumpRun.run(
            old: ["openapi.yaml": Self.orders, "spindle.yaml": Self.config], new: ["openapi.yaml": Self.deprecations, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.0 -> 1.1: 4 changes (0 source-breaking, 4 deprecated, 0 additive)
                  deprecated       property deprecated: Order.note (A note for the shop.)
                  deprecated       type deprecated: OrderPage
                  deprecated       parameter deprecated: orders.list(status:) (Filters nothing any more.)
                  deprecated       operation deprecated: orders.retrieve (Use the "search" endpoint.)
                """)
        #expect(
            bump.changelog == """
                ## Shop 1.0 -> 1.1 (2025-06-01)

                ### Deprecated

                - property deprecated: `Order.note` (A note for the shop.)
                - type deprecated: `OrderPage`
                - parameter deprecated: `orders.list(status:)` (Filters nothing any more.)
                - operation deprecated: `orders.retrieve` (Use the "search" endpoint.)

                """)
        // The app written against 1.0 still compiles, with a warning at each use of what is deprecated.
        let compiled = try await bump.compile(Self.pagingApp + Self.deprecatedUses)
        #expect(compiled.before.status == 0 && compiled.before.standardOutput.isEmpty, "\(compiled.before.standardOutput)")
        #expect(compiled.after.status == 0, "\(compiled.after.standardOutput)")
        for warning in [
            "'listAll(after:status:options:)' is deprecated: Filters nothing any more.",
            "'retrieve(id:options:)' is deprecated: Use the \"search\" endpoint.", "'note' is deprecated: A note for the shop.",
            "'OrderPage' is deprecated",
        ] {
            #expect(compiled.after.standardOutput.contains("warning: \(warning)"), "no warning \(warning) in:\n\(compiled.after.standardOutput)")
        }
        // One that does not use them compiles without a warning: neither the generated code nor the
        // calls that leave the deprecated parameter out warn.
        let clean = """
            import Shop
            import SpindleRuntime

            func orders(_ client: ShopClient) async throws -> ItemSequence<Order, ShopErrorBody> {
                _ = try await client.orders.list(after: "o1").data
                return client.orders.listAll(after: "o1")
            }
            func order() -> Order { Order(id: "o1", note: nil) }

            """
        let checked = try await bump.compile(clean)
        #expect(checked.after.status == 0 && checked.after.standardOutput.isEmpty, "\(checked.after.standardOutput)")
    }

    /// Uses of what ``deprecations`` deprecates besides what ``pagingApp`` uses.
    static let deprecatedUses = """
        func note(_ order: Order) -> String? { order.note }
        func order(_ client: ShopClient) async throws -> Order { try await client.orders.retrieve(id: "o1") }
        func pageSize(_ page: OrderPage) -> Int { page.data.count }

        """

    @Test func removingADeprecatedMemberIsBreakingAndSaysItWasDeprecated() async throws {
        let new = Self.bumped(Self.deprecations).replacingOccurrences(of: "version: '1.1'", with: "version: '1.2'")
            .replacingOccurrences(of: "        note: {type: string, deprecated: true, description: A note for the shop. Shown on the receipt.}\n", with: "")
            .replacingOccurrences(
                of: "        - {name: status, in: query, deprecated: true, description: Filters nothing any more., schema: {type: string}}\n", with: "")
        let bump = try await SpecBumpRun.run(
            old: ["openapi.yaml": Self.deprecations, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config])
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.1 -> 1.2: 2 changes (2 source-breaking, 0 deprecated, 0 additive)
                  source-breaking  property removed: Order.note (String?; was deprecated)
                  source-breaking  parameter removed: orders.list(status:) (String?; was deprecated)
                """)
        try await expectBreaks(Self.pagingApp + Self.deprecatedUses, bump)
    }

    @Test func diffOfALoneFileUsesTheVendorConfig() async throws {
        // The new spec is downloaded next to nothing: it is named with the old folder's config, as
        // `generate` names it (the suffix dropped, the renamed type renamed).
        let old = Self.orders.replacingOccurrences(of: "schemas/OrderPage'", with: "schemas/OrderPageDto'")
            .replacingOccurrences(of: "    OrderPage:\n", with: "    OrderPageDto:\n")
        let config = Self.config + "naming:\n  dropSuffixes: [Dto]\n  types: {Order: ShopOrder}\n"
        let new = Self.bumped(old).replacingOccurrences(of: "        id: {type: string}\n", with: "        id: {type: string}\n        total: {type: integer}\n")
        let bump = try await SpecBumpRun.run(
            old: ["openapi.yaml": old, "spindle.yaml": config], new: ["openapi.yaml": new, "spindle.yaml": config],
            diffArguments: ["specs/shop", "downloaded.yaml"]) { root in
                try new.write(toFile: root + "/downloaded.yaml", atomically: true, encoding: .utf8)
            }
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.report == """
                Shop 1.0 -> 1.1: 1 change (0 source-breaking, 0 deprecated, 1 additive)
                  additive         optional property added: ShopOrder.total (Int?)
                """)
    }

    @Test func theChangelogSectionGoesOnTopOfTheExistingOnes() async throws {
        let existing = "# Changelog\n\n## Shop 0.9 -> 1.0\n\nNo changes to the Swift API.\n"
        let new = Self.bumped(Self.orders).replacingOccurrences(of: "        id: {type: string}\n", with: "        id: {type: string}\n        total: {type: integer}\n")
        let bump = try await SpecBumpRun.run(
            old: ["openapi.yaml": Self.orders, "spindle.yaml": Self.config], new: ["openapi.yaml": new, "spindle.yaml": Self.config],
            generateArguments: []) { root in try existing.write(toFile: root + "/CHANGELOG.md", atomically: true, encoding: .utf8) }
        bump.expectDiffMatchesGenerate()
        #expect(
            bump.changelog == """
                # Changelog

                ## Shop 1.0 -> 1.1

                ### Additive

                - optional property added: `Order.total` (Int?)

                ## Shop 0.9 -> 1.0

                No changes to the Swift API.

                """)
        // A changelog that is not text is left as it is, and the run says so.
        let spindle = try BuildProducts.spindle()
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: bump.root + "/CHANGELOG.md"))
        try Self.bumped(new).replacingOccurrences(of: "version: '1.1'", with: "version: '1.2'")
            .write(toFile: bump.root + "/specs/shop/openapi.yaml", atomically: true, encoding: .utf8)
        let failed = try await run(spindle, ["generate", "--specs", "specs", "--output", "out", "--changelog", "CHANGELOG.md"], in: bump.root)
        #expect(failed.status == 1 && failed.standardError.contains("error: cannot update the changelog 'CHANGELOG.md'"), "\(failed.standardError)")
        #expect(FileManager.default.contents(atPath: bump.root + "/CHANGELOG.md") == Data([0xFF, 0xFE, 0x00]))
    }

    @Test func aChangelogNeedsAFileToWriteAndADateIsADate() async throws {
        let spindle = try BuildProducts.spindle()
        let check = try await run(spindle, ["generate", "--check", "--changelog", "CHANGELOG.md"])
        #expect(check.status != 0 && check.standardError.contains("--changelog writes a file; it cannot go with --check"), "\(check.standardError)")
        let date = try await run(spindle, ["generate", "--changelog", "CHANGELOG.md", "--date", "2025-13-01"])
        #expect(date.status != 0 && date.standardError.contains("--date must be a date written YYYY-MM-DD"), "\(date.standardError)")
    }
}
