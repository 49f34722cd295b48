import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Schema keywords with values Spindle cannot use as written.
extension Robustness {
@Suite struct SchemaRobustnessTests {
    @Test func unknownTypeNames() async throws {
        let generation = try await generate(document(schemas: """
            Pet:
              type: object
              properties:
                name: {type: strin}
                age: {type: Integer}
                tags: {type: [array, list], items: {type: string}}
                size: {type: {kind: number}}
                id: {type: [string, 'null', 5]}
            """))
        #expect(generation.diagnostics == [
            "openapi.yaml:10:22: error: unknown type 'strin'; expected one of array, boolean, integer, null, number, object, string",
            "openapi.yaml:11:21: error: unknown type 'Integer'; expected one of array, boolean, integer, null, number, object, string",
            "openapi.yaml:12:30: error: unknown type 'list'; expected one of array, boolean, integer, null, number, object, string",
            "openapi.yaml:13:22: error: 'type' must be a string",
            "openapi.yaml:14:37: error: unknown type '5'; expected one of array, boolean, integer, null, number, object, string",
        ])
        #expect(generation.writtenFiles() == [])
    }

    /// Parameters whose schema is a map, an object without properties, an empty schema, `format: byte` or
    /// an inline object, in every location. (Regression, corpus run: Stripe's `metadata` query filters and
    /// Telnyx's object-valued parameters did not compile, because the runtime had no `ParameterEncodable`
    /// conformance for `[String: T]`, `JSONValue` or `Data`.)
    @Test func parametersOfEveryKindTypeCheck() async throws {
        let generation = try await generate(document(paths: """
            /items/{key}:
              get:
                operationId: listItems
                parameters:
                  - {name: key, in: path, required: true, schema: {type: string, format: byte}}
                  - {name: metadata, in: query, style: deepObject, explode: true, schema: {type: object, additionalProperties: {type: string}}}
                  - {name: counts, in: query, schema: {type: object, additionalProperties: {type: integer}}}
                  - {name: anything, in: query, schema: {}}
                  - {name: bag, in: query, style: deepObject, schema: {type: object}}
                  - {name: range, in: query, style: deepObject, schema: {type: object, properties: {gt: {type: integer}, lt: {type: integer}}}}
                  - {name: nested, in: query, style: deepObject, schema: {type: object, additionalProperties: {type: object, additionalProperties: {type: array, items: {type: number}}}}}
                  - {name: X-Blob, in: header, schema: {type: string, format: byte}}
                  - {name: X-Tags, in: header, schema: {type: object, additionalProperties: {type: boolean}}}
                  - {name: session, in: cookie, schema: {type: object}}
                responses: {'204': {description: none}}
            """))
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    /// Enums whose values are not all strings. A string enum type could not decode a JSON number
    /// or boolean, so: `number` and `boolean` enums (typed, or untyped with only such values) are
    /// plain numbers and booleans; values of several kinds are free-form JSON; `integer` enums are
    /// integer enums; each fallback is a warning.
    /// (Regression: they were string enums that failed to decode the values they list.)
    @Test func enumsOfMixedTypes() async throws {
        let generation = try await generate(document(schemas: """
            Thing:
              type: object
              properties:
                mixed: {enum: [a, 1, true, null]}
                nested: {enum: [[1, 2], {a: 1}, x]}
                numbers: {type: number, enum: [1.5, 2, -3]}
                integers: {type: integer, enum: [1, 2, -3]}
                flags: {type: boolean, enum: [true]}
                untypedNumbers: {enum: [1, 2]}
                untypedStrings: {enum: [a, 'b', '1']}
                onlyNull: {enum: [null]}
                quoted: {type: string, enum: ['1', 'true', 'null', '']}
            Numbers: {type: number, enum: [0.5, 1]}
            """))
        #expect(generation.diagnostics == [
            "openapi.yaml:10:16: warning: enum values are not all strings; typed as free-form JSON [-Wenum-type]",
            "openapi.yaml:11:17: warning: enum values are not all strings; typed as free-form JSON [-Wenum-type]",
            "openapi.yaml:12:18: warning: enum of number values is typed as plain number; only string and integer enums become enum types [-Wenum-type]",
            "openapi.yaml:14:16: warning: enum of boolean values is typed as plain boolean; only string and integer enums become enum types [-Wenum-type]",
            "openapi.yaml:15:25: warning: enum of integer values is typed as plain integer; only string and integer enums become enum types [-Wenum-type]",
            "openapi.yaml:19:14: warning: enum of number values is typed as plain number; only string and integer enums become enum types [-Wenum-type]",
        ])
        #expect(generation.succeeded)
        let thing = try generation.file("Types/Thing.swift")
        for declaration in [
            "public var mixed: OptionalValue<JSONValue>", "public var nested: JSONValue?", "public var numbers: Double?",
            "public var integers: Thing.Integers?", "public var flags: Bool?", "public var untypedNumbers: Int?",
            "public var untypedStrings: Thing.UntypedStrings?", "public var onlyNull: OptionalValue<JSONValue>",
            "public var quoted: Thing.Quoted?",
        ] {
            #expect(thing.contains(declaration), "\(declaration)")
        }
        #expect(try generation.file("Types/Numbers.swift").contains("public typealias Numbers = Double"))
    }

    /// Two runs over the same hostile spec give byte-identical files.
    @Test func fallbacksAreDeterministic() async throws {
        let text = document(schemas: """
            Thing:
              type: object
              properties:
                mixed: {enum: [a, 1, true, null]}
                user_name: {type: string}
                userName: {type: string}
                info: {$ref: '#/info'}
            thing: {type: string}
            """)
        let first = try await generate(text)
        let second = try await generate(text)
        #expect(first.succeeded)
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files.map(\.contents) == second.files.map(\.contents))
    }
}
}
