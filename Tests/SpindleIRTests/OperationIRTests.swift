import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// A document with the given `paths:` text (indented two spaces per level, starting at zero).
private func pathsDocument(_ paths: String, schemas: String = "") -> String {
    let indent = { (text: String, by: String) in
        text.split(separator: "\n", omittingEmptySubsequences: false).map { by + $0 }.joined(separator: "\n")
    }
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
        \(indent(paths, "  "))
        components:
          schemas:
            Customer: {type: object, properties: {id: {type: string}}}
        \(indent(schemas, "    "))
        """
}

private let ok = "responses: {'200': {description: OK}}"

/// Where operations go in the client, and how their parameters, bodies and responses are typed.
@Suite struct OperationIRTests {
    @Test func restPathsBecomeResourcesAndMethods() throws {
        let built = try build(pathsDocument("""
            /api/v1/customers:
              get: {operationId: a, \(ok)}
              post: {operationId: b, \(ok)}
            /api/v1/customers/{id}:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              get: {operationId: c, \(ok)}
              patch: {operationId: d, \(ok)}
              delete: {operationId: f, \(ok)}
            /api/v1/customers/{id}/integrations:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              get: {operationId: g, \(ok)}
            /rest/v2.1/billing_plans/{planId}:
              parameters: [{name: planId, in: path, required: true, schema: {type: string}}]
              put: {operationId: h, \(ok)}
              head: {operationId: i, \(ok)}
            """))
        #expect(built.diagnostics == [])
        let placements = built.module.operations.map { "\($0.operationId!) \(($0.resource + [$0.methodName]).joined(separator: "."))" }
        // Sorted by resource, then method name.
        #expect(
            placements == [
                "i billingPlans.head", "h billingPlans.update", "b customers.create", "f customers.delete",
                "a customers.list", "c customers.retrieve", "d customers.update", "g customers.integrations.list",
            ])
        #expect(try built.operation("g").path == "/api/v1/customers/{id}/integrations")
    }

    @Test func clashingMethodsBothTakeTheirOperationIds() throws {
        let built = try build(pathsDocument("""
            /customers/{id}:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              put: {operationId: replaceCustomer, \(ok)}
              patch: {operationId: updateCustomer, \(ok)}
            /v1/customers.list:
              post: {operationId: searchCustomers, \(ok)}
            /v1/customers:
              get: {operationId: listCustomers, \(ok)}
            """))
        let placements = built.module.operations.map { ($0.resource + [$0.methodName]).joined(separator: ".") }
        #expect(placements == ["customers.listCustomers", "customers.replaceCustomer", "customers.searchCustomers", "customers.updateCustomer"])
    }

    @Test func dottedRPCPathNamesTheMethod() throws {
        let built = try build(pathsDocument("""
            /v1/customers.list:
              post: {\(ok)}
            /v1/customers.get:
              post: {\(ok)}
            /v1/billing.invoices.create:
              post: {\(ok)}
            """))
        #expect(built.diagnostics == [])
        let placements = built.module.operations.map { ($0.resource + [$0.methodName]).joined(separator: ".") }
        #expect(placements == ["billing.invoices.create", "customers.get", "customers.list"])
        #expect(built.module.operations.map(\.httpMethod) == [.post, .post, .post])
    }

    @Test func clashingPlacementsFallBackToOperationIds() throws {
        let built = try build(pathsDocument("""
            /customers:
              get: {operationId: CustomerController_getCustomers, \(ok)}
            /v2/customers:
              get: {operationId: listCustomersV2, \(ok)}
            /api/customers:
              get: {\(ok)}
            """))
        let names = built.module.operations.map { ($0.resource + [$0.methodName]).joined(separator: ".") }
        #expect(names.sorted() == ["customers.getApiCustomers", "customers.getCustomers", "customers.listCustomersV2"])
    }

    @Test func configOverridesPlacementByOperationId() throws {
        var config = VendorConfig(module: "Shop")
        config.operationNames = ["findCustomers": "customers.search", "ping": "health.check"]
        let built = try build(
            pathsDocument("""
                /customers/search:
                  post: {operationId: findCustomers, \(ok)}
                /customers:
                  post: {operationId: createCustomer, \(ok)}
                /internal/ping:
                  get: {operationId: ping, \(ok)}
                """), config: config)
        #expect(try built.operation("findCustomers").resource == ["customers"])
        #expect(try built.operation("findCustomers").methodName == "search")
        #expect(try built.operation("createCustomer").methodName == "create")
        #expect(try built.operation("ping").resource == ["health"])
        #expect(try built.operation("ping").methodName == "check")
    }

    @Test func excludedOperationsAreLeftOut() throws {
        var config = VendorConfig(module: "Shop")
        config.excludeOperations = ["internalPing"]
        let built = try build(
            pathsDocument("""
                /ping:
                  get: {operationId: internalPing, \(ok)}
                /customers:
                  get: {operationId: listCustomers, \(ok)}
                """), config: config)
        #expect(built.module.operations.map(\.operationId) == ["listCustomers"])
    }

    @Test func parameterStylesAndExplodeDefaults() throws {
        let built = try build(pathsDocument("""
            /customers/{customer_id}:
              get:
                operationId: getCustomer
                parameters:
                  - {name: customer_id, in: path, required: true, schema: {type: string}}
                  - {name: expand, in: query, schema: {type: array, items: {type: string}}}
                  - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}}}
                  - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object, additionalProperties: {type: string}}}
                  - {name: tags, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}
                  - {name: X-Request-ID, in: header, schema: {type: string}}
                  - {name: session, in: cookie, required: true, schema: {type: string}}
                  - {name: limit, in: query, schema: {type: integer, format: int32, minimum: 1, maximum: 100, default: 10}}
                \(ok)
            """))
        #expect(built.diagnostics == [])
        let parameters = try built.operation("getCustomer").parameters
        #expect(parameters.map(\.swiftName) == ["customerId", "expand", "ids", "filter", "tags", "xRequestId", "session", "limit"])
        #expect(parameters.map(\.location) == [.path, .query, .query, .query, .query, .header, .cookie, .query])
        #expect(parameters.map(\.style) == [.simple, .form, .form, .deepObject, .pipeDelimited, .simple, .form, .form])
        #expect(parameters.map(\.explode) == [false, true, false, true, false, false, true, true])
        #expect(parameters.map(\.required) == [true, false, false, false, false, false, true, false])
        #expect(parameters[1].type == .array(.string))
        #expect(parameters[3].type == .map(.string))
        let limit = parameters[7]
        #expect(limit.type == .integer(bits: 32))
        #expect(limit.defaultValue == .plain("10"))
        #expect(limit.constraints.minimum == 1)
        #expect(limit.constraints.maximum == 100)
    }

    @Test func parameterNamesAvoidReservedAndCollidingNames() throws {
        let built = try build(pathsDocument("""
            /search:
              get:
                operationId: search
                parameters:
                  - {name: options, in: query, schema: {type: string}}
                  - {name: body, in: query, schema: {type: string}}
                  - {name: page_size, in: query, schema: {type: integer}}
                  - {name: pageSize, in: header, schema: {type: integer}}
                \(ok)
            """))
        let parameters = try built.operation("search").parameters
        #expect(parameters.map(\.swiftName) == ["options2", "body2", "pageSize", "pageSize2"])
    }

    @Test func pathLevelParametersAreSharedAndOverridden() throws {
        let built = try build(pathsDocument("""
            /customers/{id}:
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: expand, in: query, description: shared, schema: {type: string}}
              get:
                operationId: getCustomer
                parameters:
                  - {name: expand, in: query, description: own, schema: {type: boolean}}
                \(ok)
            """))
        let parameters = try built.operation("getCustomer").parameters
        #expect(parameters.map(\.name) == ["id", "expand"])
        #expect(parameters[1].description == "own")
        #expect(parameters[1].type == .boolean)
    }

    @Test func requestBodyPrefersJSON() throws {
        let built = try build(pathsDocument("""
            /customers:
              post:
                operationId: createCustomer
                requestBody:
                  required: true
                  description: The customer.
                  content:
                    text/plain: {schema: {type: string}}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Customer'}}
                    application/json: {schema: {$ref: '#/components/schemas/Customer'}}
                \(ok)
            /uploads:
              post:
                operationId: upload
                requestBody:
                  content:
                    application/vnd.api+json: {schema: {type: object, properties: {name: {type: string}}}}
                    application/octet-stream: {}
                \(ok)
            """))
        #expect(built.diagnostics == [])
        let create = try #require(try built.operation("createCustomer").requestBody)
        #expect(create.contentType == "application/json")
        #expect(create.type == .named(["Customer"]))
        #expect(create.required)
        #expect(create.description == "The customer.")
        let upload = try #require(try built.operation("upload").requestBody)
        // No schema for octet-stream: raw data.
        #expect(upload.contentType == "application/octet-stream")
        #expect(upload.type == .data)
        #expect(!upload.required)
    }

    @Test func responsesPerStatus() throws {
        let built = try build(pathsDocument(
            """
            /customers/{id}:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              get:
                operationId: getCustomer
                responses:
                  '200':
                    description: The customer.
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Customer'}}
                  '304': {description: Not modified}
                  4xx:
                    description: Client error.
                    content:
                      application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
                  '404':
                    description: Not found.
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Problem'}}
                  default:
                    description: Anything else.
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Problem'}}
            """, schemas: "Problem: {type: object, properties: {title: {type: string}}}"))
        #expect(built.diagnostics == [])
        let operation = try built.operation("getCustomer")
        #expect(operation.responses.map(\.status) == ["200", "304", "4XX", "404", "default"])
        #expect(operation.responses.map(\.type) == [.named(["Customer"]), nil, .named(["Problem"]), .named(["Problem"]), .named(["Problem"])])
        #expect(operation.responses.map(\.contentType) == ["application/json", nil, "application/problem+json", "application/json", "application/json"])
        #expect(operation.successResponse?.status == "200")
        #expect(operation.errorResponses.map(\.status) == ["4XX", "404", "default"])
    }

    @Test func inlineResponseAndBodyTypesAreNamedFromThePlacement() throws {
        let built = try build(pathsDocument("""
            /api/v1/customers:
              post:
                operationId: createCustomer
                requestBody:
                  content:
                    application/json: {schema: {type: object, properties: {email: {type: string}}}}
                responses:
                  '201':
                    description: Created.
                    content:
                      application/json: {schema: {type: object, properties: {id: {type: string}}}}
            """))
        let operation = try built.operation("createCustomer")
        #expect(operation.requestBody?.type == .named(["CustomersCreateRequest"]))
        #expect(operation.successResponse?.type == .named(["CustomersCreateResponse"]))
        #expect(try built.object("CustomersCreateRequest").properties.map(\.jsonName) == ["email"])
    }

    @Test func securityAppliesDocumentDefaultsAndOverrides() throws {
        let built = try build(
            """
            openapi: 3.0.3
            info: {title: Shop, version: 1.0.0}
            security: [{ApiKey: []}]
            paths:
              /customers:
                get: {operationId: listCustomers, \(ok)}
              /health:
                get: {operationId: health, security: [], \(ok)}
              /tokens:
                post: {operationId: createToken, security: [{Basic: []}, {Bearer: []}], \(ok)}
            components:
              securitySchemes:
                ApiKey: {type: apiKey, name: X-API-KEY, in: header}
                Basic: {type: http, scheme: basic}
                Bearer: {type: http, scheme: Bearer, bearerFormat: JWT}
            """)
        #expect(built.diagnostics == [])
        #expect(try built.operation("listCustomers").security == ["ApiKey"])
        #expect(try built.operation("health").security == [])
        #expect(try built.operation("createToken").security == ["Basic", "Bearer"])
        #expect(built.module.securitySchemes.map(\.kind) == [.apiKey(name: "X-API-KEY", location: .header), .basic, .bearer])
    }

    /// Only an empty alternative, or one the client cannot satisfy itself, lets a credential be left out.
    @Test func securityIsOptionalOnlyWithAnEmptyOrUnsupportedAlternative() throws {
        let built = try build(
            """
            openapi: 3.0.3
            info: {title: Shop, version: 1.0.0}
            security: [{ApiKey: []}]
            paths:
              /customers:
                get: {operationId: required, \(ok)}
                post: {operationId: either, security: [{Basic: []}, {ApiKey: []}], \(ok)}
              /catalog:
                get: {operationId: optional, security: [{}, {ApiKey: []}], \(ok)}
                post: {operationId: optionalFirst, security: [{ApiKey: []}, {}], \(ok)}
              /health:
                get: {operationId: none, security: [], \(ok)}
              /mtls:
                get: {operationId: viaMiddleware, security: [{MutualTLS: []}, {ApiKey: []}], \(ok)}
            components:
              securitySchemes:
                ApiKey: {type: apiKey, name: X-API-KEY, in: header}
                Basic: {type: http, scheme: basic}
                MutualTLS: {type: mutualTLS}
            """)
        let optional = try ["required", "either", "optional", "optionalFirst", "none", "viaMiddleware"].map {
            try built.operation($0).isSecurityOptional
        }
        #expect(optional == [false, false, true, true, false, true])
        #expect(try built.operation("optional").security == ["ApiKey"])
        #expect(try built.operation("viaMiddleware").security == ["ApiKey"])
        let requirements = try ["required", "either", "optional", "optionalFirst", "none", "viaMiddleware"].map {
            try built.operation($0).securityRequirements
        }
        #expect(requirements == [[["ApiKey"]], [["Basic"], ["ApiKey"]], [["ApiKey"], []], [["ApiKey"], []], [], [["ApiKey"], []]])
        #expect(built.module.security == [["ApiKey"]])
    }
}
