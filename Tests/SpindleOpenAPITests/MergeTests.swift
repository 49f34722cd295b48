import SpindleOpenAPI
import SpindleYAML
import Testing

/// A document for fragment tests: `info.version` and the text under `paths:` and `components.schemas:`.
private func fragment(version: String = "1.0.0", openapi: String = "3.0.3", paths: String = " {}", schemas: String = " {}") -> String {
    """
    openapi: \(openapi)
    info: {title: Shop, version: \(version)}
    paths:\(paths)
    components:
      schemas:\(schemas)
    """
}

/// Merging several OpenAPI documents (fragments) of one API.
@Suite struct MergeTests {
    @Test func identicalSharedSchemasMergeSilently() throws {
        // Same data, different key order and quoting.
        let a = fragment(schemas: """

                Money:
                  type: object
                  required: [amount]
                  properties:
                    amount: {type: integer}
                    currency: {type: string, enum: [usd, eur]}
            """)
        let b = fragment(schemas: """

                Money:
                  properties:
                    currency: {enum: ["usd", 'eur'], type: string}
                    amount: {type: integer}
                  required: ["amount"]
                  type: object
                Other: {type: string}
            """)
        let loaded = load(["a.yaml": a, "b.yaml": b], fragments: ["a.yaml", "b.yaml"])
        #expect(loaded.diagnostics == [])
        let api = try #require(loaded.api)
        #expect(api.schemas.map(\.name) == ["Money", "Other"])
        // The first fragment's copy is kept.
        #expect(try loaded.schema("Money").origin.file == "a.yaml")
        #expect(api.fragments == ["a.yaml", "b.yaml"])
    }

    @Test func sameSchemaNameWithDifferentDefinitionsIsAnErrorNamingBoth() {
        let a = fragment(schemas: """

                Money: {type: integer}
            """)
        let b = fragment(schemas: """

                Money: {type: number}
            """)
        let loaded = load(["a.yaml": a, "b.yaml": b], fragments: ["b.yaml", "a.yaml"])
        #expect(loaded.diagnostics == ["b.yaml:6:12: error: schema 'Money' is defined differently here and at a.yaml:6:12"])
    }

    @Test func samePathAndMethodInTwoFragments() {
        let operation = """

              /pets:
                get:
                  operationId: listPets
                  responses: {'200': {description: OK}}
            """
        let changed = """

              /pets:
                get:
                  operationId: listAllPets
                  responses: {'200': {description: OK}}
                post:
                  operationId: createPet
                  responses: {'201': {description: Created}}
            """
        // Identical definitions merge.
        let same = load(["a.yaml": fragment(paths: operation), "b.yaml": fragment(paths: operation)], fragments: ["a.yaml", "b.yaml"])
        #expect(same.diagnostics == [])
        #expect(same.api?.operations.map(\.operationId) == ["listPets"])
        // A different definition of GET /pets is an error; POST /pets, new in b.yaml, is fine.
        let different = load(["a.yaml": fragment(paths: operation), "b.yaml": fragment(paths: changed)], fragments: ["a.yaml", "b.yaml"])
        #expect(different.diagnostics == ["b.yaml:6:7: error: operation 'GET /pets' is also defined at a.yaml:6:7"])
        #expect(different.api?.operations.map(\.operationId) == ["listPets", "createPet"])
    }

    @Test func sharedPathItemReferencedFromTwoFragmentsMerges() throws {
        let paths = """

              /pets: {$ref: 'shared.yaml#/paths/~1pets'}
            """
        let shared = """
            paths:
              /pets:
                get: {operationId: listPets, responses: {'200': {description: OK}}}
            """
        let loaded = load(
            ["a.yaml": fragment(paths: paths), "b.yaml": fragment(paths: paths), "shared.yaml": shared],
            fragments: ["a.yaml", "b.yaml"])
        #expect(loaded.diagnostics == [])
        #expect(loaded.api?.operations.map(\.operationId) == ["listPets"])
        #expect(loaded.api?.operations.map(\.file) == ["a.yaml"])
    }

    @Test(arguments: [
        ("7.59.1", "7.64.2", "7.64.2"),
        ("7.64.2", "7.59.1", "7.64.2"),
        ("7.9.0", "7.10.0", "7.10.0"),
        ("7.10.0", "7.9.0", "7.10.0"),
        ("2.0.0", "10.0.0", "10.0.0"),
        ("1.2", "1.2.1", "1.2.1"),
    ])
    func versionIsTheHighestOfTheFragments(a: String, b: String, highest: String) throws {
        let loaded = load(
            ["a.yaml": fragment(version: a, openapi: "3.0.0"), "b.yaml": fragment(version: b, openapi: "3.1.0")],
            fragments: ["a.yaml", "b.yaml"])
        #expect(loaded.diagnostics == [])
        let api = try #require(loaded.api)
        #expect(api.version == highest)
        // The `openapi` field comes from the same fragment.
        #expect(api.openAPIVersion == (highest == b ? "3.1.0" : "3.0.0"))
    }

    @Test func eachOperationRemembersItsFragment() throws {
        let customers = fragment(paths: """

              /customers:
                get: {operationId: listCustomers, responses: {'200': {description: OK}}}
            """)
        let plans = fragment(paths: """

              /plans:
                get: {operationId: listPlans, responses: {'200': {description: OK}}}
              /customers/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                delete: {operationId: deleteCustomer, responses: {'204': {description: Gone}}}
            """)
        let loaded = load(["specs/customers.yaml": customers, "specs/plans.yaml": plans], fragments: ["specs/plans.yaml", "specs/customers.yaml"])
        #expect(loaded.diagnostics == [])
        let operations = try #require(loaded.api?.operations)
        // Sorted by path, then method.
        #expect(operations.map(\.operationId) == ["listCustomers", "deleteCustomer", "listPlans"])
        #expect(operations.map(\.file) == ["specs/customers.yaml", "specs/plans.yaml", "specs/plans.yaml"])
        #expect(operations[1].location == SourceLocation(file: "specs/plans.yaml", line: 8, column: 13))
        #expect(loaded.api?.fragments == ["specs/customers.yaml", "specs/plans.yaml"])
    }

    @Test func oneBrokenFragmentFailsTheMerge() {
        let loaded = load(["a.yaml": fragment(), "b.yaml": "swagger: '2.0'\n"], fragments: ["a.yaml", "b.yaml"])
        #expect(loaded.api == nil)
        #expect(
            loaded.diagnostics == [
                "b.yaml:1:1: error: Swagger 2.0 documents are not supported; convert the file to OpenAPI 3 first (for example with swagger2openapi)"
            ])
    }
}

/// The two Stigg fragments checked into `specs/stigg`.
@Suite struct StiggMergeTests {
    let loader = SpecLoader()
    let api: APIDescription?

    init() {
        api = loader.loadFolder(RepositoryPaths.specs("stigg"))
    }

    @Test func mergesWithoutErrors() throws {
        let errors = loader.diagnostics.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let api = try #require(api)
        #expect(api.fragments.map { $0.split(separator: "/").last! } == ["customer-integrations.yaml", "customers.yaml"])
        #expect(api.version == "7.64.2")
    }

    @Test func hasExactlyTheTwoPaths() throws {
        let api = try #require(api)
        #expect(api.operations.map(\.path) == ["/api/v1/customers", "/api/v1/customers/{id}/integrations"])
        #expect(api.operations.map(\.method) == [.get, .get])
        #expect(api.operations.map { $0.file.split(separator: "/").last! } == ["customers.yaml", "customer-integrations.yaml"])
    }

    @Test(arguments: [
        "BadInputErrorResponseDto", "UnauthenticatedErrorResponseDto", "ForbiddenErrorResponseDto",
        "TooManyRequestsErrorResponseDto",
    ])
    func sharedErrorSchemaIsKeptOnce(name: String) throws {
        let api = try #require(api)
        #expect(api.schemas.filter { $0.name == name }.count == 1)
    }

    @Test func schemaNamesAreUniqueAndSorted() throws {
        let names = try #require(api).schemas.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.contains("CustomerListResponseDto"))
        #expect(names.contains("CustomerIntegrationListResponseDto"))
        #expect(try #require(api).securitySchemes.map(\.name) == ["ApiKeyAuth"])
    }
}
