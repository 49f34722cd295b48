import Foundation
import SpindleGenerator
import Testing

/// A shape the spec repeats inline is declared once; every other place gets a `typealias` of it.
@Suite struct TypeDeduplicationTests {
    /// Two operations whose inline bodies are `body`, and `schemas` under `components`.
    static func spec(body: String, otherBody: String? = nil, schemas: String = "{}") -> String {
        func indented(_ text: String) -> String {
            text.split(separator: "\n").map { "                " + $0 }.joined(separator: "\n")
        }
        return """
            openapi: 3.1.0
            info: {title: Shop, version: '1.0'}
            paths:
              /orders:
                post:
                  operationId: createOrder
                  requestBody:
                    content:
                      application/json:
                        schema:
            \(indented(body))
                  responses:
                    '204': {description: ok}
              /orders/{id}:
                put:
                  operationId: replaceOrder
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema:
            \(indented(otherBody ?? body))
                  responses:
                    '204': {description: ok}
            components:
              schemas:
            \(schemas.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
    }

    static let body = """
        type: object
        required: [item]
        properties:
          item: {type: string, description: What is ordered.}
          address:
            type: object
            properties:
              street: {type: string}
              city: {type: string}
        """

    /// Every generated Swift file of `spec`, joined.
    func generated(_ spec: String) throws -> (code: String, surface: String) {
        let folder = try RepositoryPaths.temporaryFolder()
        try "module: Shop\n".write(toFile: folder + "/spindle.yaml", atomically: true, encoding: .utf8)
        try spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        let output = VendorGenerator(specPath: folder + "/openapi.yaml").run()
        #expect(output.succeeded, "\(output.diagnostics)")
        let code = output.files.filter { $0.path.hasSuffix(".swift") }.map(\.contents).joined(separator: "\n")
        let surface = output.files.first { $0.path == APISurface.fileName }?.contents ?? ""
        return (code, surface)
    }

    func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aRepeatedInlineBodyIsDeclaredOnceWithItsNestedTypes() throws {
        let (code, surface) = try generated(Self.spec(body: Self.body))
        #expect(code.contains("public struct OrdersCreateRequest: Codable"))
        #expect(code.contains("public typealias OrdersUpdateRequest = OrdersCreateRequest"))
        #expect(code.contains("/// The spec repeats this shape; it is declared once, as `OrdersCreateRequest`."))
        // The nested address comes with the alias: `OrdersUpdateRequest.Address` is `OrdersCreateRequest.Address`.
        #expect(count("public struct Address", in: code) == 1)
        #expect(!code.contains("public struct OrdersUpdateRequest"))
        // The API surface still describes both types by their shapes, so `spindle diff` sees no change.
        #expect(surface.contains(#""OrdersUpdateRequest.Address""#))
        #expect(surface.contains(#""OrdersUpdateRequest""#))
    }

    @Test func aShapeDocumentedDifferentlyIsItsOwnType() throws {
        let other = Self.body.replacingOccurrences(of: "What is ordered.", with: "What replaces the order.")
        let (code, _) = try generated(Self.spec(body: Self.body, otherBody: other))
        #expect(code.contains("public struct OrdersCreateRequest: Codable"))
        #expect(code.contains("public struct OrdersUpdateRequest: Codable"))
        // Their addresses still match, so the second names the first.
        #expect(code.contains("    public typealias Address = OrdersCreateRequest.Address"))
        #expect(count("public struct Address", in: code) == 1)
    }

    @Test func aShapeDeprecatedForAnotherReasonIsItsOwnType() throws {
        // The message is part of the declaration (`@available(*, deprecated, message:)`).
        func deprecating(_ message: String) -> String {
            Self.body.replacingOccurrences(of: "city: {type: string}", with: "city: {type: string, deprecated: true, x-deprecated-message: \(message)}")
        }
        let (code, _) = try generated(Self.spec(body: deprecating("Use town."), otherBody: deprecating("Use the postcode.")))
        #expect(count("public struct Address", in: code) == 2)
        #expect(code.contains("message: \"Use town.\"") && code.contains("message: \"Use the postcode.\""))
        let (same, _) = try generated(Self.spec(body: deprecating("Use town.")))
        #expect(count("public struct Address", in: same) == 1)
    }

    @Test func aShapeWithOtherKeysIsItsOwnType() throws {
        let other = Self.body.replacingOccurrences(of: "city: {type: string}", with: "town: {type: string}")
        let (code, _) = try generated(Self.spec(body: Self.body, otherBody: other))
        #expect(count("public struct Address", in: code) == 2)
        #expect(!code.contains("The spec repeats this shape"))
    }

    @Test func componentsStayTypesAndAnInlineRepeatNamesOne() throws {
        let money = """
            type: object
            required: [amount]
            properties:
              amount: {type: integer}
            """
        func component(_ name: String) -> String {
            name + ":\n" + money.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        }
        let body = """
            type: object
            properties:
              total:
            \(money.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        let (code, _) = try generated(Self.spec(body: body, schemas: component("Money") + "\n" + component("Price")))
        #expect(code.contains("public struct Money: Codable"))
        #expect(code.contains("public struct Price: Codable"))
        #expect(code.contains("public typealias Total = Money"))
        #expect(code.contains("public typealias OrdersUpdateRequest = OrdersCreateRequest"))
    }

    @Test func aRepeatReferringToARecursiveComponentIsAnAlias() throws {
        let node = """
            Node:
              type: object
              properties:
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
                next: {$ref: '#/components/schemas/Node'}
            """
        let body = """
            type: object
            properties:
              root: {$ref: '#/components/schemas/Node'}
            """
        let (code, _) = try generated(Self.spec(body: body, schemas: node))
        #expect(code.contains("public typealias OrdersUpdateRequest = OrdersCreateRequest"))
        #expect(code.contains("public struct Node: Codable"))
    }
}
