import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// `oneOf`/`anyOf` unions, `allOf` merging and recursive types.
@Suite struct CompositionIRTests {
    @Test func oneOfWithoutDiscriminatorRecordsKeys() throws {
        let built = try build(schemas: """
            Card:
              type: object
              required: [number]
              properties:
                number: {type: string}
                expiry: {type: string}
            BankAccount:
              type: object
              required: [iban, bic]
              properties:
                iban: {type: string}
                bic: {type: string}
                owner: {type: string}
            PaymentMethod:
              oneOf:
                - $ref: '#/components/schemas/Card'
                - $ref: '#/components/schemas/BankAccount'
            """)
        #expect(built.diagnostics == [])
        let union = try built.union("PaymentMethod")
        #expect(union.discriminator == nil)
        #expect(union.variants.map(\.swiftName) == ["card", "bankAccount"])
        #expect(union.variants.map(\.type) == [.named(["Card"]), .named(["BankAccount"])])
        #expect(union.variants.map(\.requiredKeys) == [["number"], ["iban", "bic"]])
        #expect(union.variants.map(\.knownKeys) == [["number", "expiry"], ["iban", "bic", "owner"]])
        #expect(union.variants.map(\.discriminatorValues) == [[], []])
    }

    @Test func inlineVariantsAndPrimitivesGetCaseNames() throws {
        let built = try build(schemas: """
            Amount:
              anyOf:
                - {type: integer}
                - {type: string}
                - title: Detailed
                  type: object
                  required: [value]
                  properties:
                    value: {type: number}
            """)
        let union = try built.union("Amount")
        #expect(union.variants.map(\.swiftName) == ["integer", "string", "detailed"])
        #expect(union.variants.map(\.type) == [.integer(bits: nil), .string, .named(["Detailed"])])
        #expect(union.variants[2].requiredKeys == ["value"])
    }

    @Test func stringOrEmptyStringEnumCollapsesToString() throws {
        let built = try build(schemas: """
            Customer:
              type: object
              properties:
                couponId:
                  oneOf:
                    - {type: string, pattern: '^coupon-'}
                    - {type: string, enum: ['']}
                    - {type: 'null'}
            CouponId:
              oneOf:
                - {type: string, pattern: '^coupon-'}
                - {type: string, enum: ['']}
            """)
        #expect(built.diagnostics == [])
        let couponId = try built.property("couponId", of: "Customer")
        #expect(couponId.type == .string)
        #expect(couponId.presence == .optionalNullable)
        // As a component it is the same: an alias of String, not a one-primitive union.
        guard case .alias(.string) = try built.type("CouponId").kind else {
            Issue.record("CouponId is \(try built.type("CouponId").kind)")
            return
        }
        #expect(!built.allTypes.contains { $0.name.contains("CouponIdVariant") || $0.name == "Variant1" })
    }

    @Test func discriminatorMappingGivesValuesPerVariant() throws {
        let built = try build(schemas: """
            Cat:
              type: object
              required: [kind, lives]
              properties:
                kind: {type: string}
                lives: {type: integer}
            Dog:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                breed: {type: string}
            Bird:
              type: object
              properties:
                kind: {type: string}
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
                - $ref: '#/components/schemas/Bird'
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
                  kitten: Cat
                  dog: '#/components/schemas/Dog'
            """)
        #expect(built.diagnostics == [])
        let pet = try built.union("Pet")
        #expect(pet.discriminator == "kind")
        #expect(pet.variants.map(\.swiftName) == ["cat", "dog", "bird"])
        #expect(pet.variants.map(\.discriminatorValues) == [["cat", "kitten"], ["dog"], ["Bird"]])
        #expect(pet.variants.map(\.requiredKeys) == [["kind", "lives"], ["kind"], []])
    }

    @Test func allOfOfTwoObjectsMergesIntoOneObject() throws {
        let built = try build(schemas: """
            Named:
              type: object
              required: [name]
              properties:
                name: {type: string}
                note: {type: string}
            Aged:
              type: object
              required: [age]
              properties:
                age: {type: integer}
            Person:
              allOf:
                - $ref: '#/components/schemas/Named'
                - $ref: '#/components/schemas/Aged'
                - type: object
                  required: [note]
                  properties:
                    nickname: {type: string}
            """)
        #expect(built.diagnostics == [])
        let person = try built.object("Person")
        #expect(person.properties.map(\.jsonName) == ["name", "note", "age", "nickname"])
        // Required is the union of every part's `required`, even across parts.
        #expect(person.properties.map(\.presence) == [.required, .required, .required, .optional])
        #expect(person.properties.map(\.type) == [.string, .string, .integer(bits: nil), .string])
    }

    @Test func allOfWithANonObjectPartIsWarnedAndFreeForm() throws {
        let built = try build(schemas: """
            Code:
              allOf:
                - {type: string}
                - {type: object, properties: {a: {type: string}}}
            """)
        #expect(built.diagnostics == ["api.yaml:8:11: warning: allOf with a part that is not an object is not supported yet; typed as free-form JSON [-Wallof-non-object]"])
        guard case .alias(.json) = try built.type("Code").kind else {
            Issue.record("Code is \(try built.type("Code").kind)")
            return
        }
    }

    @Test func referenceSiblingsAndConstDescribeTheProperty() throws {
        let built = try build(schemas: """
            Money: {type: integer, description: An amount in cents.}
            Invoice:
              type: object
              properties:
                total:
                  $ref: '#/components/schemas/Money'
                  description: The amount due.
                  deprecated: true
                tax: {$ref: '#/components/schemas/Money'}
                object: {const: invoice}
            """)
        #expect(built.diagnostics == [])
        let total = try built.property("total", of: "Invoice")
        #expect(total.type == .named(["Money"]))
        #expect(total.description == "The amount due.")
        #expect(total.deprecated)
        let tax = try built.property("tax", of: "Invoice")
        // A plain reference leaves the description to the type it names.
        #expect(tax.description == nil)
        #expect(try built.type("Money").description == "An amount in cents.")
        #expect(!tax.deprecated)
        let object = try built.property("object", of: "Invoice")
        #expect(object.type == .string)
        #expect(object.constValue == .plain("invoice"))
    }

    @Test func directSelfReferenceNeedsIndirectionButArraysDoNot() throws {
        let built = try build(schemas: """
            Node:
              type: object
              properties:
                name: {type: string}
                parent: {$ref: '#/components/schemas/Node'}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
                byName:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Node'}
            """)
        #expect(built.diagnostics == [])
        let node = try built.object("Node")
        #expect(node.properties.map(\.jsonName) == ["name", "parent", "children", "byName"])
        #expect(node.properties.map(\.type) == [.string, .named(["Node"]), .array(.named(["Node"])), .map(.named(["Node"]))])
        #expect(node.properties.map(\.needsIndirection) == [false, true, false, false])
    }

    @Test func mutualRecursionThroughStructsIsIndirect() throws {
        let built = try build(schemas: """
            Employee:
              type: object
              properties:
                manager: {$ref: '#/components/schemas/Manager'}
                team: {$ref: '#/components/schemas/Team'}
            Manager:
              type: object
              properties:
                report: {$ref: '#/components/schemas/Employee'}
            Team:
              type: object
              properties:
                members:
                  type: array
                  items: {$ref: '#/components/schemas/Employee'}
            Expression:
              oneOf:
                - {type: integer}
                - $ref: '#/components/schemas/Sum'
            Sum:
              type: object
              properties:
                left: {$ref: '#/components/schemas/Expression'}
            """)
        #expect(built.diagnostics == [])
        #expect(try built.property("manager", of: "Employee").needsIndirection)
        #expect(try built.property("report", of: "Manager").needsIndirection)
        // Team holds employees in an array: no cycle of direct containment.
        #expect(try !built.property("team", of: "Employee").needsIndirection)
        #expect(try !built.property("members", of: "Team").needsIndirection)
        // A union that contains itself through a struct.
        let expression = try built.union("Expression")
        #expect(expression.variants.map(\.needsIndirection) == [false, true])
        #expect(try built.property("left", of: "Sum").needsIndirection)
    }
}
