import SpindleOpenAPI
import SpindleYAML
import Testing

/// Path keys with a query string: `/items/{id}` and `/items/{id}?beta=true` are two operations, the second
/// sending `beta=true` every time, whichever the file writes first.
@Suite struct PathQueryTests {
    static func spec(betaFirst: Bool) -> String {
        let plain = """
              /items/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: getItem, responses: {'204': {description: ok}}}
            """
        let beta = """
              /items/{id}?beta=true&view=full%20text:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: getItemBeta, responses: {'204': {description: ok}}}
            """
        return """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
            \(betaFirst ? beta + "\n" + plain : plain + "\n" + beta)
            """
    }

    private func load(_ text: String) throws -> (api: APIDescription, diagnostics: [String]) {
        let loader = SpecLoader(fileReader: { $0 == "api.yaml" ? Array(text.utf8) : nil })
        let api = try #require(loader.loadAPI(fragments: ["api.yaml"]), "\(loader.diagnostics.sorted)")
        return (api, loader.diagnostics.sorted.map(\.description))
    }

    @Test(arguments: [false, true])
    func bothOperationsLoadWithTheirFixedQuery(betaFirst: Bool) throws {
        let (api, diagnostics) = try load(Self.spec(betaFirst: betaFirst))
        #expect(diagnostics == [])
        #expect(api.operations.map(\.operationId) == ["getItem", "getItemBeta"])
        #expect(api.operations.map(\.path) == ["/items/{id}", "/items/{id}"])
        #expect(api.operations.map(\.pathKey) == ["/items/{id}", "/items/{id}?beta=true&view=full text"])
        #expect(api.operations.last?.fixedQuery == [
            FixedQueryItem(name: "beta", value: "true"), FixedQueryItem(name: "view", value: "full text"),
        ])
    }

    /// ClickSend's `/uploads?convert={convert}` names a parameter the operation declares: nothing is fixed.
    @Test func templatedItemsAreNotFixed() throws {
        let (api, diagnostics) = try load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /uploads?convert={convert}&async=1:
                post:
                  parameters: [{name: convert, in: query, required: true, schema: {type: string}}]
                  responses: {'204': {description: Uploaded.}}
            """)
        #expect(api.operations.first?.fixedQuery == [FixedQueryItem(name: "async", value: "1")])
        #expect(diagnostics == [
            "api.yaml:4:3: warning: path '/uploads?convert={convert}&async=1' has a query string; it is left out of the path (declare its parameters 'in: query') [-Wpath-query-string]"
        ])
    }

    /// A key under a path that is no HTTP method (`GET`, OpenAPI 3.2's `query`) generates nothing: a located
    /// warning says so, instead of the operation vanishing.
    @Test func aKeyThatIsNoMethodIsReported() throws {
        let (api, diagnostics) = try load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /items:
                summary: Items.
                x-internal: true
                GET: {operationId: shouting, responses: {'204': {description: ok}}}
                get: {operationId: listItems, responses: {'204': {description: ok}}}
            """)
        #expect(api.operations.map(\.operationId) == ["listItems"])
        #expect(diagnostics == [
            "api.yaml:7:5: warning: 'GET' under '/items' is not an HTTP method OpenAPI knows (get, put, post, delete, options, head, patch, trace); no operation is generated for it [-Wunsupported-keyword]"
        ])
    }
}
