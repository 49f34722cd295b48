import Foundation
import SpindleGenerator
import Testing

/// How generated code is laid out for the compiler (issue #16): large values boxed, large modules
/// grouped into fewer files, `hashable: false`; each layout still type-checks and keeps its API.
@Suite struct LayoutRobustnessTests {
    /// An object of `count` string properties named `<prefix>0`, `<prefix>1`, ….
    static func strings(_ count: Int, prefix: String = "s") -> String {
        (0..<count).map { "\(prefix)\($0): {type: string}" }.joined(separator: ", ")
    }

    static let holder = document(
        schemas: """
            Big:
              type: object
              properties: {\(strings(6))}
            Small:
              type: object
              properties: {amount: {type: integer}, currency: {type: string}}
            Holder:
              type: object
              required: [big, small]
              properties:
                big: {$ref: '#/components/schemas/Big'}
                maybeBig: {$ref: '#/components/schemas/Big'}
                nullableBig: {allOf: [{$ref: '#/components/schemas/Big'}], nullable: true}
                small: {$ref: '#/components/schemas/Small'}
                bigs: {type: array, items: {$ref: '#/components/schemas/Big'}}
            """, openapi: "3.0.3")

    @Test func largeValuesAreBoxedByPresenceAndSmallOnesStayInline() async throws {
        let generation = try await generate(Self.holder)
        #expect(generation.errors.isEmpty)
        let holder = try generation.file("Types/Holder.swift")
        #expect(holder.contains("@Indirect public var big: Big\n"))
        #expect(holder.contains("@IndirectOptional public var maybeBig: Big?\n"))
        #expect(holder.contains("@IndirectOptionalValue public var nullableBig: OptionalValue<Big>\n"))
        // Two references (a string and the undeclared members) are no more than an inline value costs.
        #expect(holder.contains("    public var small: Small\n"))
        // Arrays already store their elements out of line.
        #expect(holder.contains("    public var bigs: [Big]?\n"))
        #expect(try await TypeCheck.errors(in: generation.files) == nil)
    }

    /// A spec bump that adds a property to an object changes that object's file alone (and the client's
    /// header, which names the spec's hash): unions of the object read its keys from it instead of copying
    /// them, so their files, and what the compiler would rebuild with them, stay as they were.
    @Test func aPropertyAddedToAnObjectChangesOnlyItsFile() async throws {
        func spec(_ petProperties: String) -> String {
            document(
                schemas: """
                    Pet:
                      type: object
                      properties: {\(petProperties)}
                    Owner:
                      type: object
                      properties:
                        pet:
                          oneOf: [{$ref: '#/components/schemas/Pet'}, {type: string}]
                    """, openapi: "3.0.3")
        }
        let before = try await generate(spec("name: {type: string}"))
        let after = try await generate(spec("name: {type: string}, age: {type: integer}"))
        #expect(before.errors.isEmpty && after.errors.isEmpty)
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let changed = after.files.filter { old[$0.path] != $0.contents }.map(\.path).sorted()
        #expect(changed == ["ShopClient.swift", "Types/Pet.swift", "spindle-surface.json"])
        #expect(try after.file("Types/Owner.swift").contains("known: Shop.Pet.declaredNames"))
        #expect(try await TypeCheck.errors(in: after.files) == nil)
    }

    /// `count` object schemas named from `words` so that they share leading words.
    static func manyTypes(_ count: Int) -> String {
        let words = ["Payment", "Customer", "Invoice", "Tax", "Url", "URL"]
        return (0..<count).map { index in
            let first = words[index % words.count]
            return "\(first)Item\(index % 7)Kind\(index): {type: object, properties: {\(strings(3, prefix: "f"))}}"
        }.joined(separator: "\n")
    }

    @Test func aLargeModuleIsGroupedIntoFilesOfRelatedTypesThatTypeCheck() async throws {
        let generation = try await generate(document(schemas: Self.manyTypes(260)))
        #expect(generation.errors.isEmpty)
        let typeFiles = generation.files.map(\.path).filter { $0.hasPrefix("Types/") }
        // Grouped by the first word; `Url` and `URL` name one group, since a file system may ignore case.
        #expect(typeFiles.count == 5, "\(typeFiles)")
        #expect(typeFiles.contains("Types/Payment.swift") && typeFiles.contains("Types/Tax.swift"))
        let payment = try generation.file("Types/Payment.swift")
        #expect(payment.contains("public struct PaymentItem0Kind0: Codable"))
        #expect(payment.components(separatedBy: "public struct ").count - 1 == 44)
        #expect(try await TypeCheck.errors(in: generation.files) == nil)
    }

    @Test func aSmallModuleKeepsOneFilePerType() async throws {
        let generation = try await generate(document(schemas: Self.manyTypes(12)))
        #expect(generation.files.filter { $0.path.hasPrefix("Types/") }.count == 12)
        #expect(generation.files.contains { $0.path == "Types/PaymentItem0Kind0.swift" })
    }

    @Test func hashableFalseMakesTypesEquatableOnly() async throws {
        let config = "module: Shop\nhashable: false\n"
        let generation = try await generate(files: ["openapi.yaml": Array(Self.holder.utf8), "spindle.yaml": Array(config.utf8)])
        #expect(generation.errors.isEmpty)
        let holder = try generation.file("Types/Holder.swift")
        #expect(holder.contains("public struct Holder: Codable, Equatable, Sendable, DeclaredMembers {"))
        #expect(!generation.files.contains { $0.contents.contains("Hashable") })
        #expect(try await TypeCheck.errors(in: generation.files) == nil)
    }

    /// Repeated inline shapes in every place a type can be used: bodies with nested types, query parameters
    /// (which must encode as parameters through the alias), union variants, boxed and recursive contents.
    static let repeats = document(
        paths: """
            /orders:
              get:
                operationId: listOrders
                parameters:
                  - {name: created, in: query, style: deepObject, explode: true, schema: {type: object, properties: {gt: {type: integer}, lt: {type: integer}}}}
                responses:
                  '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
              post:
                operationId: createOrder
                requestBody:
                  content:
                    application/json:
                      schema: {type: object, properties: {big: {$ref: '#/components/schemas/Big'}, ship: {type: object, properties: {street: {type: string}, city: {type: string}, zip: {type: string}}}}}
                responses:
                  '204': {description: ok}
            /invoices:
              get:
                operationId: listInvoices
                parameters:
                  - {name: created, in: query, style: deepObject, explode: true, schema: {type: object, properties: {gt: {type: integer}, lt: {type: integer}}}}
                responses:
                  '204': {description: ok}
              post:
                operationId: createInvoice
                requestBody:
                  content:
                    application/json:
                      schema: {type: object, properties: {big: {$ref: '#/components/schemas/Big'}, ship: {type: object, properties: {street: {type: string}, city: {type: string}, zip: {type: string}}}}}
                responses:
                  '204': {description: ok}
            """,
        schemas: """
            Big:
              type: object
              properties: {\(strings(6))}
            Node:
              type: object
              properties: {next: {$ref: '#/components/schemas/Node'}, label: {type: string}}
            Order:
              type: object
              properties:
                first: {type: object, properties: {node: {$ref: '#/components/schemas/Node'}, big: {$ref: '#/components/schemas/Big'}}}
                second: {type: object, properties: {node: {$ref: '#/components/schemas/Node'}, big: {$ref: '#/components/schemas/Big'}}}
                either:
                  oneOf:
                    - {type: string}
                    - {type: object, properties: {node: {$ref: '#/components/schemas/Node'}, big: {$ref: '#/components/schemas/Big'}}}
            """)

    @Test func repeatedShapesAreAliasesAndTypeCheck() async throws {
        let generation = try await generate(Self.repeats)
        #expect(generation.errors.isEmpty)
        let code = generation.files.filter { $0.path.hasSuffix(".swift") }.map(\.contents).joined(separator: "\n")
        #expect(code.contains("public typealias OrdersListCreated = InvoicesListCreated"))
        #expect(code.contains("public typealias OrdersCreateRequest = InvoicesCreateRequest"))
        #expect(code.contains("public typealias Second = Order.First"))
        #expect(code.contains("public typealias Variant2 = Order.First"))
        // The query parameter's type encodes as a parameter under either name.
        #expect(code.contains("public struct InvoicesListCreated: Codable, Hashable, Sendable, DeclaredMembers, ParameterEncodable {"))
        #expect(code.components(separatedBy: "public struct Ship").count - 1 == 1)
        #expect(try await TypeCheck.errors(in: generation.files) == nil)
    }

    @Test func hashableMustBeABoolean() async throws {
        let config = "module: Shop\nhashable: sometimes\n"
        let generation = try await generate(files: ["openapi.yaml": Array(Self.holder.utf8), "spindle.yaml": Array(config.utf8)])
        #expect(generation.errors == ["spindle.yaml:2:11: error: 'hashable' must be true or false"])
    }
}
