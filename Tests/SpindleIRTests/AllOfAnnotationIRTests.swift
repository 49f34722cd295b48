import SpindleIR
import Testing

/// `allOf` whose other parts only annotate (or make nullable) the one type it is about.
@Suite struct AllOfAnnotationIRTests {
    static let shared = """
        Currency: {type: string, enum: [usd, eur], description: An ISO currency code.}
        TokenString: {type: string, pattern: '^tok_'}
        User:
          type: object
          required: [id]
          properties:
            id: {type: string}
        """

    @Test func inlinePartsThatAnnotateResolveToTheReferencedType() throws {
        let built = try build(
            schemas: Self.shared + """

                Order:
                  type: object
                  required: [buyer]
                  properties:
                    currency:
                      allOf: [{$ref: '#/components/schemas/Currency'}, {example: usd, description: What the buyer pays in.}]
                    buyer:
                      allOf: [{$ref: '#/components/schemas/User'}, {nullable: true}]
                    seller:
                      allOf: [{$ref: '#/components/schemas/User'}, {nullable: true, deprecated: true, x-internal: true}]
                    token:
                      allOf: [{$ref: '#/components/schemas/TokenString'}]
                    note:
                      allOf: [{type: string}, {title: Note, readOnly: true, default: none}]
                """, openapi: "3.0.3")
        #expect(built.diagnostics == [])
        let order = try built.object("Order")
        #expect(order.properties.map(\.type) == [.named(["Currency"]), .named(["User"]), .named(["User"]), .named(["TokenString"]), .string])
        #expect(order.properties.map(\.presence) == [.optional, .requiredNullable, .optionalNullable, .optional, .optional])
        let currency = try built.property("currency", of: "Order")
        #expect(currency.description == "What the buyer pays in.")
        #expect(try built.property("seller", of: "Order").deprecated)
        let note = try built.property("note", of: "Order")
        #expect(note.readOnly && note.defaultValue?.stringValue == "none")
        // No merged copies of the referenced types were made.
        #expect(built.allTypes.map { $0.path.joined(separator: ".") }.sorted() == ["Currency", "Order", "TokenString", "User"])
    }

    @Test func aNamedAllOfAboutANonObjectIsAnAliasOfIt() throws {
        let built = try build(
            schemas: Self.shared + """

                Token:
                  allOf: [{$ref: '#/components/schemas/TokenString'}]
                Price:
                  allOf: [{$ref: '#/components/schemas/Currency'}, {description: The currency of a price., example: eur}]
                MaybeCurrency:
                  allOf: [{$ref: '#/components/schemas/Currency'}, {nullable: true}]
                Invoice:
                  type: object
                  required: [token, currency]
                  properties:
                    token: {$ref: '#/components/schemas/Token'}
                    currency: {$ref: '#/components/schemas/MaybeCurrency'}
                    price: {$ref: '#/components/schemas/Price'}
                """, openapi: "3.0.3")
        #expect(built.diagnostics == [])
        guard case .alias(.named(["TokenString"])) = try built.type("Token").kind,
            case .alias(.named(["Currency"])) = try built.type("Price").kind,
            case .alias(.named(["Currency"])) = try built.type("MaybeCurrency").kind
        else {
            Issue.record("\(try built.type("Token").kind), \(try built.type("Price").kind), \(try built.type("MaybeCurrency").kind)")
            return
        }
        #expect(try built.type("Price").description == "The currency of a price.")
        let invoice = try built.object("Invoice")
        #expect(invoice.properties.map(\.type) == [.named(["Token"]), .named(["MaybeCurrency"]), .named(["Price"])])
        // The `{nullable: true}` part makes every reference nullable, as `nullable` on Currency would.
        #expect(invoice.properties.map(\.presence) == [.required, .requiredNullable, .optional])
    }

    @Test func theNullOfTheTypeAnAliasStandsForCarriesThrough() throws {
        let built = try build(
            schemas: """
                Code: {type: string, nullable: true}
                Alias:
                  allOf: [{$ref: '#/components/schemas/Code'}]
                Holder:
                  type: object
                  required: [code]
                  properties:
                    code: {$ref: '#/components/schemas/Alias'}
                """, openapi: "3.0.3")
        #expect(built.diagnostics == [])
        #expect(try built.property("code", of: "Holder").presence == .requiredNullable)
    }

    @Test func objectPartsStillMergeAndAnnotationsAddNothing() throws {
        let built = try build(schemas: """
            Animal:
              type: object
              required: [name]
              properties: {name: {type: string}}
            Tagged:
              type: object
              properties: {tag: {type: string}}
            Dog:
              allOf: [{$ref: '#/components/schemas/Animal'}]
            Pet:
              allOf:
                - {$ref: '#/components/schemas/Animal'}
                - {description: A pet., nullable: true}
                - {$ref: '#/components/schemas/Tagged'}
            Owner:
              type: object
              required: [pet]
              properties:
                pet: {$ref: '#/components/schemas/Pet'}
            """, openapi: "3.0.3")
        #expect(built.diagnostics == [])
        #expect(try built.object("Dog").properties.map(\.jsonName) == ["name"])
        #expect(try built.object("Pet").properties.map(\.jsonName) == ["name", "tag"])
        #expect(try built.type("Pet").description == "A pet.")
        #expect(try built.property("pet", of: "Owner").presence == .requiredNullable)
    }

    @Test func aPartThatIsAStringThroughAnAliasIsStillReported() throws {
        let built = try build(schemas: Self.shared + """

            Token:
              allOf: [{$ref: '#/components/schemas/TokenString'}]
            Mixed:
              allOf: [{$ref: '#/components/schemas/Token'}, {$ref: '#/components/schemas/User'}]
            """)
        #expect(built.diagnostics.count == 1)
        #expect(built.diagnostics.first?.hasSuffix("[-Wallof-non-object]") == true)
    }

    @Test func siblingsOfAReferenceAnnotateTheProperty() throws {
        let built = try build(schemas: Self.shared + """

            Account:
              type: object
              properties:
                currency: {$ref: '#/components/schemas/Currency', description: Billing currency., readOnly: true, default: usd}
            """)
        #expect(built.diagnostics == [])
        let currency = try built.property("currency", of: "Account")
        #expect(currency.type == .named(["Currency"]))
        #expect(currency.description == "Billing currency.")
        #expect(currency.readOnly)
        #expect(currency.defaultValue?.stringValue == "usd")
    }

    /// Plaid's shape: the second part restates the referenced enum's type besides describing it.
    @Test func aPartThatRestatesTheTypeIsAnAnnotationToo() throws {
        let built = try build(
            schemas: Self.shared + """

                Account:
                  type: object
                  properties:
                    currency:
                      allOf: [{$ref: '#/components/schemas/Currency'}, {type: string, description: The account's currency.}]
                    maybe:
                      allOf: [{$ref: '#/components/schemas/Currency'}, {type: [string, 'null']}]
                    conflicting:
                      allOf: [{$ref: '#/components/schemas/Currency'}, {type: integer}]
                """, openapi: "3.1.0")
        let account = try built.object("Account")
        #expect(account.properties.map(\.type).prefix(2) == [.named(["Currency"]), .named(["Currency"])])
        #expect(account.properties.map(\.presence).prefix(2) == [.optional, .optionalNullable])
        #expect(try built.property("currency", of: "Account").description == "The account's currency.")
        // A part whose type differs is not a restatement: that one is not taken for the referenced type.
        #expect(account.properties[2].type != .named(["Currency"]))
    }
}
