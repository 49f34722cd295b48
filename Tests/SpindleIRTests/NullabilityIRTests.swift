import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// The four presence states, and the three ways OpenAPI spells "may be null".
@Suite struct NullabilityIRTests {
    @Test func fourPresenceStates() throws {
        let built = try build(schemas: """
            Customer:
              type: object
              required: [id, archivedAt]
              properties:
                id: {type: string}
                archivedAt: {type: [string, "null"], format: date-time}
                email: {type: string}
                couponId: {type: [string, "null"]}
            """)
        #expect(built.diagnostics == [])
        let customer = try built.object("Customer")
        #expect(customer.properties.map(\.jsonName) == ["id", "archivedAt", "email", "couponId"])
        #expect(customer.properties.map(\.presence) == [.required, .requiredNullable, .optional, .optionalNullable])
        #expect(customer.properties.map(\.type) == [.string, .dateTime, .string, .string])
    }

    /// `Plan` as a required and as an optional property, nullable in each way OpenAPI allows.
    static let nullableSpellings: [(openapi: String, required: String, optional: String)] = [
        ("3.0.3", "{type: string, nullable: true}", "{type: string, nullable: true}"),
        ("3.1.0", "{type: [string, 'null']}", "{type: ['null', string]}"),
        ("3.1.0", "{oneOf: [{type: string}, {type: 'null'}]}", "{anyOf: [{type: 'null'}, {type: string}]}"),
        ("3.1.0", "{oneOf: [{$ref: '#/components/schemas/Name'}, {type: 'null'}]}", "{oneOf: [{$ref: '#/components/schemas/Name'}, {type: 'null'}]}"),
        ("3.0.3", "{allOf: [{$ref: '#/components/schemas/Name'}], nullable: true}", "{allOf: [{$ref: '#/components/schemas/Name'}], nullable: true}"),
        ("3.1.0", "{$ref: '#/components/schemas/NullableName'}", "{$ref: '#/components/schemas/NullableName'}"),
        ("3.0.3", "{$ref: '#/components/schemas/NullableName30'}", "{$ref: '#/components/schemas/NullableName30'}"),
        ("3.1.0", "{$ref: '#/components/schemas/NameOrNull'}", "{$ref: '#/components/schemas/NameOrNull'}"),
    ]

    @Test(arguments: nullableSpellings)
    func nullableSpellingsGiveTheSamePresence(openapi: String, required: String, optional: String) throws {
        let built = try build(
            schemas: """
                Name: {type: string}
                NullableName: {type: [string, 'null']}
                NullableName30: {type: string, nullable: true}
                NameOrNull:
                  oneOf:
                    - {type: string}
                    - {type: 'null'}
                Holder:
                  type: object
                  required: [a]
                  properties:
                    a: \(required)
                    b: \(optional)
                """, openapi: openapi)
        #expect(built.diagnostics == [])
        let a = try built.property("a", of: "Holder")
        let b = try built.property("b", of: "Holder")
        #expect(a.presence == .requiredNullable)
        #expect(b.presence == .optionalNullable)
        // Whatever the spelling, the value is a string (directly or through the `Name` types).
        for property in [a, b] {
            switch property.type {
            case .string: break
            case .named(let path):
                guard case .alias(.string) = try built.type(path.joined(separator: ".")).kind else {
                    Issue.record("\(property.jsonName) is \(property.type)")
                    continue
                }
            default: Issue.record("\(property.jsonName) is \(property.type)")
            }
        }
    }

    @Test func nullableObjectReferenceIsAnOptionalNamedType() throws {
        let built = try build(
            schemas: """
                Address: {type: object, properties: {city: {type: string}}}
                Customer:
                  type: object
                  required: [billing]
                  properties:
                    billing:
                      nullable: true
                      allOf: [{$ref: '#/components/schemas/Address'}]
                    shipping:
                      $ref: '#/components/schemas/Address'
                """, openapi: "3.0.3")
        #expect(built.diagnostics == [])
        let billing = try built.property("billing", of: "Customer")
        #expect(billing.type == .named(["Address"]))
        #expect(billing.presence == .requiredNullable)
        let shipping = try built.property("shipping", of: "Customer")
        #expect(shipping.type == .named(["Address"]))
        #expect(shipping.presence == .optional)
    }
}
