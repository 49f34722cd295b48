@testable import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// How generated types and members are named, and that names stay put when a spec grows.
@Suite struct NamingIRTests {
    @Test func componentNameAndTitle() throws {
        let built = try build(schemas: """
            Account:
              title: User account
              type: object
              properties:
                address:
                  title: Postal address
                  type: object
                  properties: {city: {type: string}}
                settings:
                  type: object
                  properties: {theme: {type: string}}
            """)
        #expect(built.diagnostics == [])
        // A component is named by its component name, its key in the document; an inline schema
        // by its title; an untitled inline schema by where it is.
        #expect(built.module.types.map(\.name) == ["Account", "PostalAddress"])
        #expect(try built.property("address", of: "Account").type == .named(["PostalAddress"]))
        #expect(try built.property("settings", of: "Account").type == .named(["Account", "Settings"]))
        #expect(try built.type("Account.Settings").source == "api.yaml#/components/schemas/Account/properties/settings")
    }

    @Test func identicalInlineSchemasWithOneTitleAreOneType() throws {
        let built = try build(schemas: """
            Customer:
              type: object
              properties:
                billing:
                  title: Address
                  type: object
                  properties: {city: {type: string}, zip: {type: string}}
                shipping:
                  title: Address
                  type: object
                  properties: {zip: {type: string}, city: {type: string}}
            Invoice:
              type: object
              properties:
                to:
                  title: Address
                  type: object
                  properties: {city: {type: string}, zip: {type: string}}
            """)
        #expect(built.diagnostics == [])
        #expect(built.allTypes.map(\.name) == ["Address", "Customer", "Invoice"])
        #expect(try built.property("billing", of: "Customer").type == .named(["Address"]))
        #expect(try built.property("shipping", of: "Customer").type == .named(["Address"]))
        #expect(try built.property("to", of: "Invoice").type == .named(["Address"]))
    }

    @Test func differentSchemasWithOneTitleKeepTheirComponentNames() throws {
        let built = try build(schemas: """
            CustomerListResponse:
              title: ListResponse
              type: object
              properties: {data: {type: array, items: {type: string}}}
            PlanListResponse:
              title: ListResponse
              type: object
              properties: {data: {type: array, items: {type: integer}}, total: {type: integer}}
            """)
        #expect(built.diagnostics == [])
        let names = built.allTypes.map(\.name)
        #expect(names == ["CustomerListResponse", "PlanListResponse"])
        #expect(!names.contains { $0.last?.isNumber ?? false })
    }

    @Test func differentInlineSchemasWithOneTitleAreNamedFromContext() throws {
        let built = try build(schemas: """
            Customer:
              type: object
              properties:
                page:
                  title: Page
                  type: object
                  properties: {next: {type: string}}
            Plan:
              type: object
              properties:
                page:
                  title: Page
                  type: object
                  properties: {offset: {type: integer}}
            """)
        #expect(built.diagnostics == [])
        // The first keeps the title; the other is named where it is, not `Page2`.
        #expect(try built.property("page", of: "Customer").type == .named(["Page"]))
        #expect(try built.property("page", of: "Plan").type == .named(["Plan", "Page"]))
        #expect(!built.allTypes.contains { $0.name.last?.isNumber ?? false })
    }

    @Test func dropSuffixesAndTypeNameOverrides() throws {
        var config = VendorConfig(module: "Shop")
        config.dropSuffixes = ["Dto"]
        config.typeNames = ["PlanDto": "PricingPlan", "Coupon": "Discount"]
        let built = try build(
            schemas: """
                CustomerDto:
                  type: object
                  properties:
                    plan: {$ref: '#/components/schemas/PlanDto'}
                    coupon: {$ref: '#/components/schemas/CouponDto'}
                PlanDto: {type: object, properties: {id: {type: string}}}
                CouponDto: {type: object, properties: {id: {type: string}}}
                Dto: {type: string}
                ShopDto: {type: object, properties: {id: {type: string}}}
                """, config: config)
        #expect(built.diagnostics == [])
        // `Dto` alone keeps its name; `ShopDto` would be the module's name.
        #expect(built.module.types.map(\.name) == ["Customer", "Discount", "Dto", "PricingPlan", "ShopModel"])
        #expect(try built.property("plan", of: "Customer").type == .named(["PricingPlan"]))
        #expect(try built.property("coupon", of: "Customer").type == .named(["Discount"]))
    }

    @Test func reservedTypeNamesAreAvoided() throws {
        let built = try build(schemas: """
            Type: {type: string, enum: [a, b]}
            Error: {type: object, properties: {message: {type: string}}}
            Data: {type: object, properties: {id: {type: string}}}
            """)
        #expect(built.module.types.map(\.name) == ["DataValue", "ErrorValue", "TypeValue"])
    }

    @Test func memberNamesThatCollideAreMadeUniqueInDocumentOrder() throws {
        let schemas = """
            Profile:
              type: object
              properties:
                user_name: {type: string}
                userName: {type: string}
                UserName: {type: integer}
                default: {type: string}
                2fa: {type: boolean}
                '': {type: string}
            """
        let first = try build(schemas: schemas)
        let second = try build(schemas: schemas)
        let names = try first.object("Profile").properties.map(\.swiftName)
        #expect(names == ["userName", "userName2", "userName3", "default", "_2fa", "empty"])
        #expect(try first.object("Profile").properties.map(\.jsonName) == ["user_name", "userName", "UserName", "default", "2fa", ""])
        #expect(try second.object("Profile").properties.map(\.swiftName) == names)
    }

    // MARK: Stability

    static let baseSpec = """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: status, in: query, schema: {type: string, enum: [open, closed]}}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {$ref: '#/components/schemas/Order'}}
                          meta: {type: object, properties: {next: {type: string}}}
          /orders/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getOrder
              responses:
                '200':
                  description: OK
                  content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
        components:
          schemas:
            Order:
              type: object
              properties:
                id: {type: string}
                status: {type: string, enum: [open, closed]}
                kind: {type: string, enum: [online, store]}
                lines:
                  type: array
                  items:
                    type: object
                    properties: {sku: {type: string}, quantity: {type: integer}}
                shipping: {title: Address, type: object, properties: {city: {type: string}}}
            Refund:
              type: object
              properties:
                order: {$ref: '#/components/schemas/Order'}
                reason: {type: string, enum: [damaged, late]}
        """

    /// The base spec plus: a component that sorts first, another path that sorts first, a new
    /// enum value, and a new property.
    static let grownSpec = baseSpec
        .replacingOccurrences(of: "enum: [online, store]", with: "enum: [online, store, phone]")
        .replacingOccurrences(
            of: "reason: {type: string, enum: [damaged, late]}",
            with: "reason: {type: string, enum: [damaged, late, other]}\n        note: {type: string}")
        .replacingOccurrences(
            of: "\n  schemas:\n",
            with: """

                  schemas:
                    Audit:
                      type: object
                      properties:
                        kind: {type: string, enum: [create, delete]}
                        lines: {type: array, items: {type: object, properties: {text: {type: string}}}}

                """)
        .replacingOccurrences(
            of: "\npaths:\n",
            with: """

                paths:
                  /audits:
                    get:
                      operationId: listAudits
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema: {type: object, properties: {data: {type: array, items: {$ref: '#/components/schemas/Audit'}}}}

                """)

    /// Every name a module gives: type paths with their members, and operation placements.
    static func names(_ built: Built) -> Set<String> {
        var names: Set<String> = []
        for type in built.allTypes {
            let path = type.path.joined(separator: ".")
            names.insert(path)
            switch type.kind {
            case .object(let object):
                for property in object.properties { names.insert("\(path).\(property.swiftName) <- \(property.jsonName)") }
            case .enumeration(let enumeration):
                for value in enumeration.cases { names.insert("\(path).\(value.swiftName) <- \(value.rawValue)") }
            case .union(let union):
                for variant in union.variants { names.insert("\(path).\(variant.swiftName)") }
            case .alias, .wrapper:
                break
            case .multipartForm(let form):
                for part in form.parts { names.insert("\(path).\(part.swiftName) <- \(part.name)") }
            }
        }
        for operation in built.module.operations {
            names.insert("\(operation.httpMethod.rawValue) \(operation.path) -> \((operation.resource + [operation.methodName]).joined(separator: "."))")
            for parameter in operation.parameters { names.insert("\(operation.path) \(parameter.swiftName) <- \(parameter.name)") }
        }
        return names
    }

    @Test func growingTheSpecRenamesNothing() throws {
        #expect(Self.grownSpec.contains("listAudits") && Self.grownSpec.contains("Audit:") && Self.grownSpec.contains("phone"))
        let base = try build(Self.baseSpec)
        let grown = try build(Self.grownSpec)
        #expect(base.diagnostics == [])
        #expect(grown.diagnostics == [])
        let before = Self.names(base)
        let after = Self.names(grown)
        #expect(before.subtracting(after) == [], "renamed or lost")
        // The additions did produce new names.
        #expect(after.contains("Audit"))
        #expect(after.contains("Order.Kind.phone <- phone"))
        #expect(after.contains("Refund.note <- note"))
        #expect(after.contains("get /audits -> audits.list"))
    }

    @Test func sharedUntitledEnumKeepsItsNameWhenAnEarlierUseIsAdded() throws {
        // Identical untitled enums are one type, named by the first place that reaches it: here
        // the `sort` query parameter of listOrders. A new path that sorts before /orders with the
        // same inline enum would name it instead; the previous generation's names prevent that.
        let base = Self.baseSpec.replacingOccurrences(
            of: "        - {name: status, in: query",
            with: "        - {name: sort, in: query, schema: {type: string, enum: [newest, oldest]}}\n        - {name: status, in: query")
        let grown = base.replacingOccurrences(
            of: "\npaths:\n",
            with: """

                paths:
                  /carts:
                    get:
                      operationId: listCarts
                      parameters:
                        - {name: order, in: query, schema: {type: string, enum: [newest, oldest]}}
                      responses: {'200': {description: OK}}

                """)
        let before = try build(base)
        #expect(try before.operation("listOrders").parameters.first?.type == .named(["OrdersListSort"]))
        let after = try build(grown, lock: before.module.names)
        #expect(after.diagnostics == [])
        #expect(try after.operation("listCarts").parameters.first?.type == .named(["OrdersListSort"]))
        #expect(Self.names(before).subtracting(Self.names(after)) == [])
    }

    @Test func theNameLockKeepsNamesWhenATitleIsTakenOver() throws {
        // A new inline schema with the same title as an existing one, sorting before it.
        let grown = Self.baseSpec.replacingOccurrences(
            of: "\n    Refund:\n",
            with: """

                    Carrier:
                      type: object
                      properties:
                        depot: {title: Address, type: object, properties: {street: {type: string}}}
                    Refund:

                """)
        let base = try build(Self.baseSpec)
        let withoutLock = try build(grown)
        // Without the lock the earlier schema takes the title...
        #expect(try withoutLock.property("depot", of: "Carrier").type == .named(["Address"]))
        // ...with the previous generation's names, the title stays where it was.
        let locked = try build(grown, lock: base.module.names)
        #expect(locked.diagnostics == [])
        #expect(try locked.property("shipping", of: "Order").type == .named(["Address"]))
        #expect(try locked.property("depot", of: "Carrier").type == .named(["Carrier", "Depot"]))
        #expect(Self.names(base).subtracting(Self.names(locked)) == [])
    }
}

/// Name lock keys name a schema's origin by file name and pointer, wherever the generator runs.
@Suite struct OriginKeyTests {
    func target(_ file: String) -> String {
        let pointer = JSONPointer(tokens: ["components", "schemas", "a/b~c"])
        let origin = Reference(file: file, pointer: pointer, location: SourceLocation(file: file, line: 1, column: 1))
        return IRBuilder.relativeTarget(origin)
    }

    @Test func keepsOnlyTheFileName() {
        #expect(target("/work/specs/stripe/spec3.yaml") == "spec3.yaml#/components/schemas/a~1b~0c")
        #expect(target("specs/naïve dir/spéc.yaml") == "spéc.yaml#/components/schemas/a~1b~0c")
        #expect(target("spec.yaml") == "spec.yaml#/components/schemas/a~1b~0c")
        #expect(target("") == "#/components/schemas/a~1b~0c")
    }
}
