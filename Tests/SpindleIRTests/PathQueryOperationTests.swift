import SpindleIR
import Testing

/// Regression: of two path keys differing only by a query string, only the first operation was kept (and
/// called without the query); which one depended on their order in the file.
@Suite struct PathQueryOperationTests {
    static func spec(betaFirst: Bool) -> String {
        let plain = """
              /items/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: getItem, responses: {'204': {description: ok}}}
            """
        let beta = """
              /items/{id}?beta=true:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get: {operationId: getItemBeta, responses: {'204': {description: ok}}}
            """
        return """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
            \(betaFirst ? beta + "\n" + plain : plain + "\n" + beta)
              /items:
                get: {operationId: listItems, responses: {'204': {description: ok}}}
            """
    }

    @Test(arguments: [false, true])
    func bothAreGeneratedWithDistinctNames(betaFirst: Bool) throws {
        let built = try build(Self.spec(betaFirst: betaFirst))
        #expect(built.diagnostics == [])
        let operations = built.module.operations.map {
            "\($0.operationId ?? "") \($0.pathKey) -> " + ($0.resource + [$0.methodName]).joined(separator: ".")
        }
        #expect(operations == [
            "listItems /items -> items.list",
            "getItem /items/{id} -> items.retrieve",
            "getItemBeta /items/{id}?beta=true -> items.retrieveBeta",
        ])
        #expect(try built.operation("getItemBeta").fixedQuery.map { "\($0.name)=\($0.value)" } == ["beta=true"])
        #expect(try built.operation("getItem").fixedQuery.isEmpty)
        // The name lock knows them apart, so a regeneration keeps both names.
        #expect(built.module.names.operations["GET /items/{id}?beta=true"] == "items.retrieveBeta")
        #expect(built.module.names.operations["GET /items/{id}"] == "items.retrieve")
    }

    /// A long value is left out of the name, and long names are cut, so the method name stays readable.
    @Test func longQueriesNameShortly() throws {
        let built = try build(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /items?include_archived_and_deleted_items=yes_including_the_ones_deleted_long_ago:
                get: {operationId: listEverything, responses: {'204': {description: ok}}}
              /items?a_very_long_parameter_name_that_goes_on_and_on=1:
                get: {operationId: listLong, responses: {'204': {description: ok}}}
            """)
        let names = built.module.operations.map { ($0.operationId ?? "") + " " + $0.methodName }
        #expect(names.sorted() == [
            "listEverything listIncludeArchivedAndDeletedItems", "listLong listAVeryLongParameterNameThatGoesOn",
        ])
    }
}
