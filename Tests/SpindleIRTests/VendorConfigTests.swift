import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Reads `text` as `spindle.yaml`; returns the config (nil on errors) and the printed diagnostics.
private func read(_ text: String) throws -> (config: VendorConfig?, diagnostics: [String]) {
    let document = try YAMLDocument.parse(text, file: "spindle.yaml")
    var diagnostics: [Diagnostic] = []
    let config = VendorConfig.read(document, defaultModule: "Default") { diagnostics.append($0) }
    return (config, diagnostics.sorted().map(\.description))
}

/// `specs/<vendor>/spindle.yaml`.
@Suite struct VendorConfigTests {
    @Test func renamedTypesAreKeptUnlessTheConfigSaysNot() throws {
        #expect(try read("module: Acme\n").config?.keepRenamedTypes == true)
        #expect(try read("naming:\n  keepRenamedTypes: false\n").config?.keepRenamedTypes == false)
        let (config, diagnostics) = try read("naming:\n  keepRenamedTypes: sometimes\n")
        #expect(config == nil)
        #expect(diagnostics == ["spindle.yaml:2:21: error: 'keepRenamedTypes' must be true or false"])
    }

    @Test func validConfigIsReadCompletely() throws {
        let (config, diagnostics) = try read(
            """
            module: Acme                 # the library product
            client: AcmeAPI
            accessLevel: package
            auth:
              environmentVariable: ACME_API_KEY
            naming:
              dropSuffixes: [Dto, Schema]
              types:
                CustomerDto: Account
                Plan: PricingPlan
              operations:
                CustomerController_search: customers.search
            pagination:
              listCustomers: {style: cursor, items: data, cursor: after, next: pagination.next}
              listInvoices:
                style: page
                items: results
                page: page
                limit: per_page
                total: meta.total
            operations:
              exclude: [internalPing, debugDump]
            """)
        #expect(diagnostics == [])
        let read = try #require(config)
        #expect(read.module == "Acme")
        #expect(read.client == "AcmeAPI")
        #expect(read.clientName == "AcmeAPI")
        #expect(read.accessLevel == .package)
        #expect(read.credentialEnvironmentVariable == "ACME_API_KEY")
        #expect(read.dropSuffixes == ["Dto", "Schema"])
        #expect(read.typeNames == ["CustomerDto": "Account", "Plan": "PricingPlan"])
        #expect(read.operationNames == ["CustomerController_search": "customers.search"])
        #expect(read.excludeOperations == ["internalPing", "debugDump"])
        #expect(read.pagination.keys.sorted() == ["listCustomers", "listInvoices"])
        let cursor = try #require(read.pagination["listCustomers"])
        #expect(cursor.style == "cursor")
        #expect(cursor.items == "data")
        #expect(cursor.cursor == "after")
        #expect(cursor.next == "pagination.next")
        #expect(!cursor.inBody)
        #expect(cursor.location == SourceLocation(file: "spindle.yaml", line: 14, column: 18))
        let page = try #require(read.pagination["listInvoices"])
        #expect(page.style == "page")
        #expect(page.page == "page")
        #expect(page.limit == "per_page")
        #expect(page.total == "meta.total")
    }

    @Test func emptyConfigUsesDefaults() throws {
        let (config, diagnostics) = try read("# nothing yet\n")
        #expect(diagnostics == [])
        let read = try #require(config)
        #expect(read.module == "Default")
        #expect(read.clientName == "DefaultClient")
        #expect(read.accessLevel == .public)
        #expect(read.dropSuffixes == [])
        #expect(read.pagination.isEmpty)
    }

    @Test func quietWarningsNamesKnownKinds() throws {
        let (config, diagnostics) = try read(
            """
            module: Acme
            quietWarnings: [property-names, unsupported-keyword]
            """)
        #expect(diagnostics.isEmpty)
        #expect(config?.quietWarnings == [.propertyNames, .unsupportedKeyword])
    }

    @Test func quietWarningsRejectsUnknownKindsAndNonLists() throws {
        let misspelt = try read(
            """
            quietWarnings:
              - property-names
              - propertynames
            """)
        #expect(misspelt.config == nil)
        #expect(
            misspelt.diagnostics == [
                "spindle.yaml:3:5: error: unknown warning kind 'propertynames' in quietWarnings; expected one of "
                    + DiagnosticKind.all.map(\.rawValue).joined(separator: ", ")
            ])
        let scalar = try read("quietWarnings: property-names")
        #expect(scalar.config == nil)
        #expect(scalar.diagnostics == ["spindle.yaml:1:16: error: 'quietWarnings' must be a list of warning kinds"])
    }

    @Test func unknownKeysAreLocatedErrors() throws {
        let (config, diagnostics) = try read(
            """
            module: Acme
            clinet: AcmeClient
            auth:
              envVar: ACME_KEY
            naming:
              dropSufixes: [Dto]
            operations:
              exclude: [ping]
              include: [pong]
            """)
        #expect(config == nil)
        #expect(
            diagnostics == [
                "spindle.yaml:2:1: error: unknown key 'clinet' in the config; expected one of accessLevel, allowExternalRefs, auth, client, hashable, module, naming, operations, pagination, parameters, quietWarnings",
                "spindle.yaml:4:3: error: unknown key 'envVar' in auth; expected one of environmentVariable, environmentVariables",
                "spindle.yaml:6:3: error: unknown key 'dropSufixes' in naming; expected one of dropSuffixes, keepRenamedTypes, operations, types",
                "spindle.yaml:9:3: error: unknown key 'include' in operations; expected one of exclude",
            ])
    }

    @Test func badValuesAreLocatedErrors() throws {
        let (config, diagnostics) = try read(
            """
            module: [Acme]
            accessLevel: private
            naming:
              dropSuffixes: Dto
              types: [Account]
            pagination:
              listCustomers: {style: cursor, items: data, cursor: after, nxt: pagination.next}
            client: {name: AcmeAPI}
            auth: {environmentVariable: [ACME_KEY]}
            operations: {exclude: internalPing}
            """)
        #expect(config == nil)
        #expect(
            diagnostics == [
                "spindle.yaml:1:9: error: 'module' must be a name",
                "spindle.yaml:2:14: error: 'accessLevel' must be public, package or internal",
                "spindle.yaml:4:17: error: 'dropSuffixes' must be a list",
                "spindle.yaml:5:10: error: expected a mapping of names",
                "spindle.yaml:7:18: error: cursor pagination needs 'next'",
                "spindle.yaml:7:62: error: unknown pagination key 'nxt'; expected one of advance, cursor, hasMore, in, items, limit, next, offset, page, style, total",
                "spindle.yaml:8:9: error: 'client' must be a name",
                "spindle.yaml:9:29: error: 'environmentVariable' must be a name",
                "spindle.yaml:10:23: error: 'exclude' must be a list of operationIds",
            ])
    }

    @Test func configShapesTheModule() throws {
        let config = try readConfig(
            """
            module: Acme
            client: AcmeAPI
            auth: {environmentVariable: ACME_API_KEY}
            naming:
              dropSuffixes: [Dto]
              types: {PlanDto: PricingPlan, Coupon: Discount}
            """, defaultModule: "Default")
        let built = try build(
            schemas: """
                CustomerDto: {type: object, properties: {id: {type: string}}}
                PlanDto: {type: object, properties: {id: {type: string}}}
                CouponDto: {type: object, properties: {id: {type: string}}}
                Dto: {type: string}
                """, config: config)
        #expect(built.diagnostics == [])
        #expect(built.module.moduleName == "Acme")
        #expect(built.module.clientName == "AcmeAPI")
        #expect(built.module.credentialEnvironmentVariable == "ACME_API_KEY")
        // Overrides apply to the component name and to the name after dropping suffixes.
        #expect(built.module.types.map(\.name) == ["Customer", "Discount", "Dto", "PricingPlan"])
    }
}

/// Config entries that name operations or parameters the spec does not have.
@Suite struct VendorConfigMentionTests {
    @Test func entriesForUnknownOperationsAndParametersAreWarnedAtTheirLocation() throws {
        let (config, configDiagnostics) = try read(
            """
            naming:
              operations:
                listPets: pets.all
                listPetz: pets.typo
            pagination:
              listPets: {style: offset, items: data, offset: offset, limit: limit}
              listDogs: {style: offset, items: data, offset: offset, limit: limit}
            parameters:
              listPets.limit: {explode: false}
              listPets.size: {explode: false}
              getCat.id: {style: simple}
            operations:
              exclude: [listPets, removedLastYear]
            """)
        #expect(configDiagnostics == [])
        let built = try build(
            """
            openapi: 3.1.0
            info: {title: Shop, version: 1.0.0}
            paths:
              /pets:
                parameters: [{name: offset, in: query, schema: {type: integer}}]
                get:
                  operationId: listPets
                  parameters: [{name: limit, in: query, schema: {type: integer}}]
                  responses: {'204': {description: none}}
            """, config: try #require(config))
        #expect(built.diagnostics == [
            "spindle.yaml:4:5: warning: naming.operations: the spec has no operation with operationId 'listPetz'; this entry has no effect [-Wunused-config]",
            "spindle.yaml:7:3: warning: pagination: the spec has no operation with operationId 'listDogs'; this entry has no effect [-Wunused-config]",
            "spindle.yaml:10:3: warning: parameters: operation 'listPets' has no parameter 'size'; this entry has no effect [-Wunused-config]",
            "spindle.yaml:11:3: warning: parameters: the spec has no operation with operationId 'getCat'; this entry has no effect [-Wunused-config]",
            "spindle.yaml:13:23: warning: operations.exclude: the spec has no operation with operationId 'removedLastYear'; this entry has no effect [-Wunused-config]",
        ])
    }

    /// Regression: `parameters` keys were split at their first dot, so an operationId with dots in it
    /// (`pets.list`) was reported as missing although the override applied.
    @Test func operationIdsWithDotsAreMatchedWhole() throws {
        let (config, _) = try read(
            """
            parameters:
              pets.list.limit: {explode: false}
              pets.list.size: {explode: false}
            """)
        let built = try build(
            """
            openapi: 3.1.0
            info: {title: Shop, version: 1.0.0}
            paths:
              /pets:
                get:
                  operationId: pets.list
                  parameters: [{name: limit, in: query, schema: {type: array, items: {type: integer}}}]
                  responses: {'204': {description: none}}
            """, config: try #require(config))
        #expect(built.diagnostics == [
            "spindle.yaml:3:3: warning: parameters: operation 'pets.list' has no parameter 'size'; this entry has no effect [-Wunused-config]",
        ])
        #expect(try built.operation("pets.list").parameters.first?.explode == false)
    }
}
