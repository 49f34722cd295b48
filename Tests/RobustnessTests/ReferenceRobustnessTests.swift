import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// `$ref`s that lead nowhere, in circles, or to something that is not a schema.
extension Robustness {
@Suite struct ReferenceRobustnessTests {
    @Test func danglingReferences() async throws {
        let generation = try await generate(document(
            paths: """
                /pets:
                  get:
                    parameters: [{$ref: '#/components/parameters/Missing'}]
                    responses: {'200': {$ref: '#/components/responses/Missing'}}
                """,
            schemas: """
                Pet:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Owner'}
                    tag: {$ref: 'tags.yaml#/Tag'}
                    kind: {$ref: '#/components/schemas/Pet/properties/nope'}
                    remote: {$ref: 'https://example.com/schemas.yaml#/Remote'}
                    weird: {$ref: '#components/schemas/Pet'}
                """))
        #expect(generation.diagnostics == [
            "openapi.yaml:6:27: error: dangling reference '#/components/parameters/Missing': no 'parameters' in openapi.yaml",
            "openapi.yaml:7:33: error: dangling reference '#/components/responses/Missing': no 'responses' in openapi.yaml",
            "openapi.yaml:13:23: error: dangling reference '#/components/schemas/Owner': no 'Owner' in openapi.yaml",
            "openapi.yaml:14:21: error: cannot read file 'tags.yaml'",
            "openapi.yaml:15:22: error: dangling reference '#/components/schemas/Pet/properties/nope': no 'nope' in openapi.yaml",
            "openapi.yaml:16:24: error: remote reference 'https://example.com/schemas.yaml#/Remote' is not supported; download the file and refer to it by a relative path",
            "openapi.yaml:17:23: error: reference '#components/schemas/Pet' has a fragment that is not a JSON pointer",
        ])
        #expect(!generation.succeeded)
        #expect(generation.writtenFiles() == [])
    }

    @Test func cyclesMadeOnlyOfReferences() async throws {
        let generation = try await generate(document(
            paths: """
                /loop:
                  $ref: '#/paths/~1loop'
                /params:
                  get:
                    parameters: [{$ref: '#/components/schemas/P1'}]
                    responses: {'200': {description: ok}}
                """,
            schemas: """
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
                Self: {$ref: '#/components/schemas/Self'}
                P1: {$ref: '#/components/schemas/P2'}
                P2: {$ref: '#/components/schemas/P1'}
                """))
        #expect(generation.diagnostics == [
            // Each at the `$ref` that closes the cycle; one error per cycle of schemas.
            "openapi.yaml:5:11: error: reference cycle through '#/paths/~1loop'",
            "openapi.yaml:12:15: error: reference cycle: '#/components/schemas/B' refers back to itself through references only",
            "openapi.yaml:14:18: error: reference cycle: '#/components/schemas/Self' refers back to itself through references only",
            "openapi.yaml:15:16: error: reference cycle: '#/components/schemas/P2' refers back to itself through references only",
            "openapi.yaml:16:16: error: reference cycle through '#/components/schemas/P1'",
        ])
        #expect(generation.writtenFiles() == [])
    }

    /// Cycles through containers are legal (a tree); they generate, with indirect storage where a
    /// struct would hold itself.
    @Test func cyclesThroughValuesGenerate() async throws {
        let generation = try await generate(document(schemas: """
            Node:
              type: object
              properties:
                parent: {$ref: '#/components/schemas/Node'}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                byName: {type: object, additionalProperties: {$ref: '#/components/schemas/Node'}}
                other: {$ref: '#/components/schemas/Other'}
            Other:
              allOf: [{$ref: '#/components/schemas/Node'}]
            Self:
              allOf: [{$ref: '#/components/schemas/Self'}, {properties: {a: {type: string}}}]
            """))
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
    }

    /// Regression: an inline (non-component) schema that refers to itself through `items`,
    /// `additionalProperties`, `oneOf` or `allOf` recursed until the stack overflowed. No component
    /// type breaks such a cycle: where it closes, the value is free-form JSON, with a warning.
    @Test func inlineSchemasThatReferToThemselves() async throws {
        let generation = try await generate(document(schemas: """
            Holder:
              type: object
              properties:
                list: {type: array, items: {$ref: '#/components/schemas/Holder/properties/list'}}
                map: {type: object, additionalProperties: {$ref: '#/components/schemas/Holder/properties/map'}}
                one: {oneOf: [{$ref: '#/components/schemas/Holder/properties/one'}, {type: 'null'}]}
                all: {allOf: [{$ref: '#/components/schemas/Holder/properties/all'}]}
            """))
        #expect(generation.diagnostics == [
            "openapi.yaml:10:43: warning: reference '#/components/schemas/Holder/properties/list' leads back to a schema that contains it through inline schemas only; typed as free-form JSON [-Winline-cycle]",
            "openapi.yaml:11:58: warning: reference '#/components/schemas/Holder/properties/map' leads back to a schema that contains it through inline schemas only; typed as free-form JSON [-Winline-cycle]",
            "openapi.yaml:12:30: warning: reference '#/components/schemas/Holder/properties/one' leads back to a schema that contains it through inline schemas only; typed as free-form JSON [-Winline-cycle]",
            "openapi.yaml:13:30: warning: reference '#/components/schemas/Holder/properties/all' leads back to a schema that contains it through inline schemas only; typed as free-form JSON [-Winline-cycle]",
        ])
        #expect(generation.succeeded)
        let holder = try generation.file("Types/Holder.swift")
        #expect(holder.contains("public var list: [[JSONValue]]?"))
        #expect(holder.contains("public var map: [String: [String: JSONValue]]?"))
    }

    /// Regression: `allOf` listing its own schema twice made flattening exponential (2^32 steps: a
    /// hang); a union member whose `allOf` includes itself recursed until the stack overflowed.
    @Test func allOfThatIncludesItself() async throws {
        let start = ContinuousClock.now
        let generation = try await generate(document(schemas: """
            A:
              type: object
              properties: {x: {type: string}}
              allOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            B:
              type: object
              properties: {y: {type: integer}}
              allOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            U:
              oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}]
            C:
              type: object
              properties: {z: {type: boolean}}
              allOf: [{$ref: '#/components/schemas/C'}, {$ref: '#/components/schemas/C'}]
            """))
        #expect(start.duration(to: .now) < .seconds(60))
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let a = try #require(generation.module?.types.first { $0.name == "A" })
        guard case .object(let object) = a.kind else { Issue.record("A is \(a.kind)"); return }
        #expect(object.properties.map(\.jsonName) == ["x", "y"])
    }

    /// Regression: a diamond of `allOf` parts 40 levels deep (each level lists the next twice).
    @Test func allOfDiamondsDoNotExplode() async throws {
        var schemas = ""
        for level in 0..<40 {
            schemas += "D\(level): {type: object, properties: {p\(level): {type: string}}, allOf: [{$ref: '#/components/schemas/D\(level + 1)'}, {$ref: '#/components/schemas/D\(level + 1)'}]}\n"
        }
        schemas += "D40: {type: object, properties: {last: {type: string}}}\n"
        schemas += "Pick: {oneOf: [{$ref: '#/components/schemas/D0'}, {$ref: '#/components/schemas/D1'}]}"
        let start = ContinuousClock.now
        let generation = try await generate(document(schemas: schemas))
        #expect(start.duration(to: .now) < .seconds(120))
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
    }

    /// `$ref` to something that is not a schema: a scalar or a sequence is an error; a mapping (a
    /// parameter, `info`, an operation) is read as a schema, whose unknown keywords are ignored.
    @Test func referencesToNonSchemas() async throws {
        let generation = try await generate(document(
            paths: """
                /pets:
                  get:
                    parameters: [{name: limit, in: query, schema: {type: integer}}]
                    responses: {'200': {description: ok}}
                """,
            schemas: """
                Pet:
                  type: object
                  properties:
                    version: {$ref: '#/openapi'}
                    servers: {$ref: '#/paths/~1pets/get/parameters'}
                """))
        #expect(generation.diagnostics == [
            "openapi.yaml:1:10: error: a schema must be a mapping",
            "openapi.yaml:6:19: error: a schema must be a mapping",
        ])
        #expect(generation.writtenFiles() == [])

        let mappings = try await generate(document(
            paths: """
                /pets:
                  get:
                    parameters: [{$ref: '#/components/parameters/Limit'}]
                    responses: {'200': {description: ok}}
                """,
            schemas: """
                Pet:
                  type: object
                  properties:
                    info: {$ref: '#/info'}
                    limit: {$ref: '#/components/parameters/Limit'}
                    operation: {$ref: '#/paths/~1pets/get'}
                """) + "  parameters:\n    Limit: {name: limit, in: query, schema: {type: integer}}\n")
        #expect(mappings.diagnostics == [])
        #expect(mappings.succeeded)
        let pet = try mappings.file("Types/Pet.swift")
        #expect(pet.contains("public var info: JSONValue?"))
        #expect(pet.contains("public var limit: JSONValue?"))
        #expect(pet.contains("public var operation: JSONValue?"))
    }

    /// Regression: an alias whose type contains itself (`A: {type: array, items: A}`, or a cycle of such
    /// aliases) was `typealias A = [A]`, which Swift rejects. Every alias on the cycle is a wrapper struct;
    /// an alias that only leads into the cycle stays an alias.
    @Test func aliasesOfThemselvesTypeCheck() async throws {
        let generation = try await generate(document(schemas: """
            A: {type: array, items: {$ref: '#/components/schemas/A'}}
            B: {type: array, items: {$ref: '#/components/schemas/C'}}
            C: {type: array, items: {$ref: '#/components/schemas/B'}}
            IntoTheCycle: {type: array, items: {$ref: '#/components/schemas/B'}}
            Map: {additionalProperties: {$ref: '#/components/schemas/Map'}}
            E: {allOf: [{$ref: '#/components/schemas/F'}]}
            F: {type: array, items: {$ref: '#/components/schemas/E'}}
            Holder:
              type: object
              properties:
                a: {$ref: '#/components/schemas/A'}
                list: {type: array, items: {$ref: '#/components/schemas/C'}}
            """))
        #expect(generation.diagnostics == [])
        let kinds = try #require(generation.module).types.map { type -> String in
            switch type.kind {
            case .alias: "\(type.name): alias"
            case .wrapper: "\(type.name): wrapper"
            default: "\(type.name): other"
            }
        }
        #expect(kinds == [
            "A: wrapper", "B: wrapper", "C: wrapper", "E: wrapper", "F: wrapper", "Holder: other", "IntoTheCycle: alias",
            "Map: wrapper",
        ])
        // `E` holds an `F` directly, which holds `[E]`: boxed, or `E` would contain itself.
        #expect(try generation.file("Types/E.swift").contains("@Indirect public var value: F"))
        #expect(try generation.file("Types/IntoTheCycle.swift").contains("public typealias IntoTheCycle = [B]"))
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }
}
}
