import Foundation
import SpindleGenerator
import Testing

/// Spec text built to break out of what it becomes (an identifier, a string literal, a comment) and
/// declare `func pwned()`: wherever it is written in the spec, the marker never becomes code.
extension Robustness {
@Suite struct SpecInjectionRobustnessTests {
    /// Ways out of a line comment, a block comment, a string literal, a declaration, an interpolation.
    static let payloads = [
        "a\n}\nfunc pwned() {}\n//",
        "b\r}\rfunc pwned() {}\r//",
        "c\u{2028}func pwned() {}",
        "d\u{85}func pwned() {}",
        "e\"); func pwned() {}; _ = (\"",
        "f\\\"); func pwned() {}; _ = (\"",
        "g */ func pwned() {} /*",
        "h\"\"\"\nfunc pwned() {}\n\"\"\"",
        "i\\(pwned())",
        "j`) {}; func pwned() {}; func x(`",
        "k\u{0}\nfunc pwned() {}",
    ]

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result += scalar.value < 0x20 || scalar.value >= 0x7F ? String(format: "\\U%08X", scalar.value) : String(scalar)
            }
        }
        return result + "\""
    }

    /// A spec with `payload` (made distinct per place) in every text field that reaches generated code.
    static func spec(_ payload: String) -> String {
        func p(_ place: String) -> String { quoted(place + payload) }
        // Braces in a path are parameters; brackets serve as well to close and open scopes.
        let path = quoted("/pets/" + payload.replacingOccurrences(of: "{", with: "[").replacingOccurrences(of: "}", with: "]"))
        return """
            openapi: 3.1.0
            info: {title: \(p("title")), version: \(p("1.0")), description: \(p("info"))}
            servers: [{url: \(p("https://example.com/")), description: \(p("server"))}]
            tags: [{name: \(p("tag")), description: \(p("tag description"))}]
            paths:
              \(path):
                get:
                  operationId: \(p("list"))
                  tags: [\(p("tag"))]
                  summary: \(p("summary"))
                  description: \(p("description"))
                  parameters:
                    - {name: \(p("query")), in: query, description: \(p("parameter")), schema: {type: string, default: \(p("default")), enum: [\(p("default")), \(p("other"))]}}
                    - {name: \(p("header")), in: header, required: true, schema: {type: string}}
                  security: [{\(p("scheme")): []}]
                  responses:
                    '200': {description: \(p("ok")), content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                    '400': {description: \(p("bad")), content: {application/json: {schema: {type: object, title: \(p("problem")), properties: {\(p("message")): {type: string}}}}}}
              /pets/{id}:
                post:
                  operationId: \(p("create"))
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  requestBody: {description: \(p("body")), content: {application/json: {schema: {$ref: '#/components/schemas/Choice'}}}}
                  responses: {'204': {description: \(p("none"))}}
            components:
              securitySchemes:
                \(p("scheme")): {type: apiKey, name: \(p("X-Key")), in: header, description: \(p("key"))}
              schemas:
                Pet:
                  type: object
                  title: \(p("Pet title"))
                  description: \(p("pet"))
                  required: [\(p("name"))]
                  properties:
                    \(p("name")): {type: string, description: \(p("name description")), default: \(p("default")), example: \(p("example"))}
                    kind: {type: string, enum: [\(p("cat")), \(p("dog"))]}
                    nested: {type: object, title: \(p("nested")), properties: {\(p("deep")): {type: integer, default: 1}}}
                    \(p("map")): {type: object, additionalProperties: {type: string}}
                \(p("Schema")): {type: object, properties: {a: {type: string}}}
                A: {type: object, required: [\(p("type"))], properties: {\(p("type")): {type: string}, a: {type: string}}}
                B: {type: object, required: [\(p("type"))], properties: {\(p("type")): {type: string}, b: {type: integer}}}
                Choice:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: {propertyName: \(p("type")), mapping: {\(p("a")): '#/components/schemas/A', \(p("b")): '#/components/schemas/B'}}

            """
    }

    /// The source of `text` without comments and the contents of string literals (`"…"`, `"""…"""`,
    /// raw `#"…"#`), following Swift's rules for where each ends.
    static func code(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func at(_ offset: Int, _ string: String) -> Bool {
            let wanted = Array(string.unicodeScalars)
            guard index + offset + wanted.count <= scalars.count else { return false }
            return Array(scalars[(index + offset)..<(index + offset + wanted.count)]) == wanted
        }
        while index < scalars.count {
            if at(0, "//") {
                while index < scalars.count && scalars[index] != "\n" && scalars[index] != "\r" { index += 1 }
            } else if at(0, "/*") {
                var depth = 0
                repeat {
                    if at(0, "/*") { depth += 1; index += 2 } else if at(0, "*/") { depth -= 1; index += 2 } else { index += 1 }
                } while depth > 0 && index < scalars.count
            } else if scalars[index] == "#" || scalars[index] == "\"" {
                var hashes = 0
                while index + hashes < scalars.count && scalars[index + hashes] == "#" { hashes += 1 }
                guard index + hashes < scalars.count, scalars[index + hashes] == "\"" else {
                    result.append(scalars[index]); index += 1; continue
                }
                index += hashes
                let delimiter = at(0, "\"\"\"") ? "\"\"\"" : "\""
                index += delimiter.unicodeScalars.count
                let closing = delimiter + String(repeating: "#", count: hashes)
                let escape = "\\" + String(repeating: "#", count: hashes)
                while index < scalars.count && !at(0, closing) {
                    if at(0, escape) { index += escape.unicodeScalars.count }
                    // A single-line literal ends at the line: what follows is code again.
                    if delimiter == "\"" && index < scalars.count && (scalars[index] == "\n" || scalars[index] == "\r") { break }
                    index += 1
                }
                index += closing.unicodeScalars.count
                result.append(contentsOf: "\"\"".unicodeScalars)
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    @Test func theCodeScannerFindsTheMarkerInCodeOnly() {
        #expect(!Self.code("// func pwned()\n/* func pwned() /* */ */ let x = \"func pwned()\\\" \"").contains("pwned"))
        #expect(!Self.code("let x = #\"func pwned()\"# + \"\"\"\nfunc pwned()\n\"\"\"").contains("pwned"))
        #expect(Self.code("let x = \"a\"; func pwned() {}").contains("func pwned("))
        #expect(Self.code("/// a\nfunc pwned() {}").contains("func pwned("))
        #expect(Self.code("let x = \"a\nfunc pwned() {}").contains("func pwned("))
    }

    /// `pwned()` declared once more by the test: a successful injection at the top level would make it a
    /// redeclaration, and one anywhere else shows up in the code outside comments and literals.
    static let sentinel = GeneratedFile(path: "Sentinel.swift", contents: "func pwned() {}\n")

    @Test(arguments: 0..<payloads.count)
    func injectionThroughTheSpecNeverBecomesCode(_ index: Int) async throws {
        let generation = try await generate(Self.spec(Self.payloads[index]))
        #expect(generation.errors == [])
        try #require(generation.succeeded)
        for file in generation.files where file.path.hasSuffix(".swift") {
            #expect(!Self.code(file.contents).contains("pwned"), "\(file.path)")
            #expect(!file.contents.utf8.contains(0), "\(file.path) holds a NUL")
        }
        let errors = try await TypeCheck.errors(in: generation.files + [Self.sentinel])
        #expect(errors == nil)
    }

    /// Regression: a NUL in a description was taken for the header placeholder, so the header was
    /// pasted into the middle of the doc comment (and the NUL elsewhere lost).
    @Test func aNULInADescriptionIsNotTheHeader() async throws {
        let generation = try await generate(document(schemas: "Pet: {type: object, description: \"before\\0after\", properties: {a: {type: string, description: \"x\\0y\"}}}"))
        #expect(generation.diagnostics == [])
        let pet = try generation.file("Types/Pet.swift")
        #expect(pet.components(separatedBy: "// Generated by Spindle").count == 2)
        #expect(pet.hasPrefix("// Generated by Spindle"))
        #expect(pet.contains("/// before\u{2400}after"))
        #expect(pet.contains("/// x\u{2400}y"))
        #expect(!pet.utf8.contains(0))
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }
}
}
