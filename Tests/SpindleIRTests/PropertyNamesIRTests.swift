import SpindleIR
import Testing

/// `propertyNames`: keys are always strings, so only a constraint that narrows them is worth a word.
@Suite struct PropertyNamesIRTests {
    @Test func keywordsThatConstrainNothingAreAcceptedSilently() throws {
        let built = try build(schemas: """
            Tags:
              type: object
              properties:
                typed: {type: object, propertyNames: {type: string}, additionalProperties: {type: string}}
                empty: {type: object, propertyNames: {}, additionalProperties: {type: integer}}
                anything: {type: object, propertyNames: true}
                described: {type: object, propertyNames: {type: string, description: A tag name.}, additionalProperties: {type: boolean}}
            Labels:
              type: object
              propertyNames: {type: string}
              additionalProperties: {type: string}
            """)
        #expect(built.diagnostics == [])
        let tags = try built.object("Tags")
        #expect(tags.properties.map(\.type) == [.map(.string), .map(.integer(bits: nil)), .map(.json), .map(.boolean)])
        #expect(tags.properties.allSatisfy { $0.description == nil })
        #expect(try built.type("Labels").description == nil)
    }

    @Test func aNarrowingConstraintIsWarnedOnceAndDocumented() throws {
        let built = try build(schemas: """
            Flags:
              type: object
              properties:
                features:
                  description: Enabled features.
                  type: object
                  propertyNames: {pattern: '^[a-z_]+$', maxLength: 64}
                  additionalProperties: {type: boolean}
            """)
        #expect(
            built.diagnostics == [
                "api.yaml:12:26: warning: propertyNames narrows the keys (pattern, maxLength); the map is typed [String: T] "
                    + "and keys are not checked; the constraint is kept in the docs [-Wproperty-names]"
            ])
        let features = try built.property("features", of: "Flags")
        #expect(features.type == .map(.boolean))
        #expect(features.description == "Enabled features.\n\nKeys: match `^[a-z_]+$`; at most 64 characters.")
    }

    @Test func aReferencedEnumOfKeysIsListed() throws {
        let built = try build(schemas: """
            Currency: {type: string, enum: [usd, eur]}
            Prices:
              propertyNames: {$ref: '#/components/schemas/Currency'}
              additionalProperties: {type: integer}
            """)
        #expect(built.diagnostics.count == 1)
        #expect(built.diagnostics.first?.hasSuffix("(enum); the map is typed [String: T] and keys are not checked; the constraint is kept in the docs [-Wproperty-names]") == true)
        #expect(try built.type("Prices").description == "Keys: one of `usd`, `eur`.")
        guard case .alias(.map(.integer(bits: nil))) = try built.type("Prices").kind else {
            Issue.record("Prices is \(try built.type("Prices").kind)")
            return
        }
    }

    @Test func aFormatIsDocumentedWithoutAWarning() throws {
        let built = try build(schemas: """
            Owners:
              type: object
              properties:
                byId: {type: object, propertyNames: {format: uuid}, additionalProperties: {type: string}}
            """)
        #expect(built.diagnostics == [])
        #expect(try built.property("byId", of: "Owners").description == "Keys: format `uuid`.")
    }

    @Test func aMapInsideAnArrayIsStillChecked() throws {
        let built = try build(schemas: """
            Batch:
              type: object
              properties:
                rows:
                  type: array
                  items: {type: object, propertyNames: {enum: [a, b]}, additionalProperties: {type: string}}
            """)
        #expect(built.diagnostics.count == 1)
        #expect(try built.property("rows", of: "Batch").type == .array(.map(.string)))
    }
}
