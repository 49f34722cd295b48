import SpindleIR
import Testing

/// What the spec says about a deprecation reaches the IR: which operations, parameters, properties and
/// types are deprecated, and the message `@available(*, deprecated, message:)` shows.
@Suite struct DeprecationIRTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: '1.0'}
        paths:
          /orders:
            get:
              operationId: listOrders
              deprecated: true
              description: Lists orders. Slowly.
              x-deprecated-message: Use searchOrders.
              parameters:
                - name: status
                  in: query
                  deprecated: true
                  x-deprecation-reason: "Filters nothing: see \\"state\\"."
                  schema: {type: string}
                - {name: limit, in: query, deprecated: true, description: "How many?  At most\\n100.", schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
        components:
          schemas:
            Order:
              type: object
              properties:
                note: {type: string, deprecated: true}
                legacy: {$ref: '#/components/schemas/Legacy'}
            Legacy:
              deprecated: true
              description: The old shape! Kept for a while.
              type: object
        """

    @Test func messagesComeFromTheExtensionsElseTheDescriptionsFirstSentence() throws {
        let built = try build(Self.spec)
        let operation = try built.operation("listOrders")
        #expect(operation.deprecated && operation.deprecationMessage == "Use searchOrders.")
        #expect(operation.parameters.map(\.deprecationMessage) == ["Filters nothing: see \"state\".", "How many?"])
        let note = try built.property("note", of: "Order")
        #expect(note.deprecated && note.deprecationMessage == nil)
        #expect(note.storedName == "_note")
        // A property of a deprecated type is deprecated, with the type's message.
        let legacy = try built.property("legacy", of: "Order")
        #expect(legacy.deprecated && legacy.deprecationMessage == "The old shape!")
        #expect(try built.type("Legacy").deprecationMessage == "The old shape!")
    }

    @Test func longMessagesAreShortenedAtAWord() throws {
        let long = String(repeating: "word ", count: 60)
        let built = try build(Self.spec.replacingOccurrences(of: "x-deprecated-message: Use searchOrders.", with: "x-deprecated-message: \(long)"))
        let message = try #require(try built.operation("listOrders").deprecationMessage)
        #expect(message.count <= 200 && message.hasSuffix("word…"))
    }
}
