import Foundation
import SpindleIR
import Testing

/// Arrays and maps nested deeper than the Swift compiler type-checks in reasonable time.
extension Robustness {
@Suite struct NestingRobustnessTests {
    /// `depth` arrays (or maps, or both in turn) around a string, as one inline schema.
    static func nested(_ depth: Int, _ kinds: [String] = ["array"]) -> String {
        (0..<depth).reduce("{type: string}") { inner, level in
            kinds[level % kinds.count] == "array" ? "{type: array, items: \(inner)}" : "{type: object, additionalProperties: \(inner)}"
        }
    }

    /// Regression: arrays nested 24 deep took 18–29 s to type-check, 32 deep over 300 s, and 40 would not
    /// finish. Beyond 12 levels the value is free-form JSON, with a warning where the cap is reached, in
    /// properties, parameters, bodies and responses alike; the module type-checks in seconds.
    @Test func typesNestedFortyDeepTypeCheckQuickly() async throws {
        let text = document(
            paths: """
                /deep:
                  post:
                    operationId: deep
                    parameters: [{name: q, in: query, schema: \(Self.nested(40))}]
                    requestBody: {content: {application/json: {schema: \(Self.nested(40, ["object", "array"]))}}}
                    responses: {'200': {description: ok, content: {application/json: {schema: \(Self.nested(40, ["object"]))}}}}
                """,
            schemas: """
                Deep:
                  type: object
                  required: [arrays]
                  properties:
                    arrays: \(Self.nested(40))
                    maps: \(Self.nested(40, ["object"]))
                    nullable: {type: [array, 'null'], items: \(Self.nested(39))}
                    justUnder: \(Self.nested(12))
                """)
        let generation = try await generate(text)
        let warnings = generation.diagnostics.filter { $0.hasSuffix("[-Wtype-nesting]") }
        #expect(warnings.count == 6, "\(generation.diagnostics)")
        #expect(warnings.allSatisfy { $0.contains("warning: arrays and maps nested more than 12 levels deep") })
        #expect(generation.diagnostics.count == warnings.count)
        // The warning points at the thirteenth level of the property.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("arrays: ") })
        let thirteenth = lines[line].ranges(of: "{type: array")[12].lowerBound
        let column = lines[line].distance(from: lines[line].startIndex, to: thirteenth) + 1
        #expect(warnings.contains { $0.hasPrefix("openapi.yaml:\(line + 1):\(column): warning:") }, "\(warnings)")
        let deep = try generation.file("Types/Deep.swift")
        let twelve = String(repeating: "[", count: 12) + "JSONValue" + String(repeating: "]", count: 12)
        try #require(deep.contains("public var arrays: \(twelve)\n"))
        #expect(deep.contains("public var justUnder: " + String(repeating: "[", count: 12) + "String" + String(repeating: "]", count: 12) + "?"))
        #expect(deep.contains("public var nullable: OptionalValue<\(twelve)>") || deep.contains("public var nullable: \(twelve)?"))
        let start = ContinuousClock.now
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
        // The compiler alone, once the runtime module is built: seconds, where 24 levels took half a minute.
        #expect(start.duration(to: .now) < .seconds(120))
    }

    /// A named type starts a new type expression: twelve levels inside a component used twelve levels
    /// deep are within the cap on both sides.
    @Test func aNamedTypeStartsANewExpression() async throws {
        let generation = try await generate(document(schemas: """
            Inner: \(Self.nested(12))
            Outer:
              type: object
              properties:
                value: \(Self.nested(12).replacingOccurrences(of: "{type: string}", with: "{$ref: '#/components/schemas/Inner'}"))
            """))
        #expect(generation.diagnostics == [])
        #expect(try generation.file("Types/Outer.swift").contains(String(repeating: "[", count: 12) + "Inner" + String(repeating: "]", count: 12)))
    }
}
}
