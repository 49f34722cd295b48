import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// One paginated GET per style, described with `x-spindle-pagination` or left to the config.
private let paginatedAPI = """
    openapi: 3.0.3
    info: {title: Shop, version: 1.0.0}
    paths:
      /customers:
        get:
          operationId: listCustomers
          parameters:
            - {name: after, in: query, schema: {type: string}}
            - {name: limit, in: query, schema: {type: integer}}
          x-spindle-pagination: {style: cursor, items: data, cursor: after, next: pagination.next}
          responses:
            '200':
              description: OK
              content: {application/json: {schema: {$ref: '#/components/schemas/CustomerPage'}}}
      /orders:
        get:
          operationId: listOrders
          parameters: [{name: starting_after, in: query, schema: {type: string}}]
          x-spindle-pagination: {style: cursor, items: data, cursor: starting_after, next: meta.next_cursor}
          responses:
            '200':
              description: OK
              content: {application/json: {schema: {$ref: '#/components/schemas/OrderPage'}}}
      /invoices:
        get:
          operationId: listInvoices
          parameters:
            - {name: offset, in: query, schema: {type: integer}}
            - {name: limit, in: query, schema: {type: integer}}
          x-spindle-pagination: {style: offset, items: items, offset: offset, limit: limit, hasMore: has_more}
          responses:
            '200':
              description: OK
              content: {application/json: {schema: {$ref: '#/components/schemas/InvoicePage'}}}
      /plans:
        get:
          operationId: listPlans
          parameters:
            - {name: page, in: query, schema: {type: integer}}
            - {name: per_page, in: query, schema: {type: integer}}
          x-spindle-pagination:
            style: page
            items: results
            page: page
            limit: per_page
            total: meta.total
          responses:
            '200':
              description: OK
              content: {application/json: {schema: {$ref: '#/components/schemas/PlanPage'}}}
      /products.list:
        post:
          operationId: listProducts
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    offset: {type: integer}
                    limit: {type: integer}
          responses:
            '200':
              description: OK
              content: {application/json: {schema: {$ref: '#/components/schemas/InvoicePage'}}}
    components:
      schemas:
        Customer: {type: object, properties: {id: {type: string}}}
        CustomerPage:
          type: object
          required: [data, pagination]
          properties:
            data: {type: array, items: {$ref: '#/components/schemas/Customer'}}
            pagination:
              type: object
              required: [next]
              properties:
                next: {type: string, nullable: true}
        OrderPage:
          type: object
          required: [data]
          properties:
            data: {type: array, items: {type: object, properties: {id: {type: string}}}}
            meta:
              type: object
              properties:
                next_cursor: {type: string}
        InvoicePage:
          type: object
          required: [items, has_more]
          properties:
            items: {type: array, items: {type: string}}
            has_more: {type: boolean}
        PlanPage:
          type: object
          required: [results, meta]
          properties:
            results: {type: array, items: {type: string}}
            meta:
              type: object
              required: [total]
              properties:
                total: {type: integer}
    """

/// Pagination declarations turned into access paths into the response.
@Suite struct PaginationIRTests {
    @Test func cursorPagination() throws {
        let built = try build(paginatedAPI)
        #expect(built.diagnostics == [])
        let pagination = try #require(try built.operation("listCustomers").pagination)
        #expect(pagination.style == .cursor)
        #expect(pagination.items.swiftExpression == ".data")
        #expect(pagination.items.type == .array(.named(["Customer"])))
        #expect(!pagination.items.isOptional)
        #expect(pagination.cursorParameter == "after")
        let next = try #require(pagination.nextCursor)
        #expect(next.swiftExpression == ".pagination.next")
        #expect(next.steps.map(\.swiftName) == ["pagination", "next"])
        #expect(next.steps.map(\.isOptional) == [false, true])
        #expect(next.type == .string)
        #expect(next.isOptional)
        #expect(!pagination.inBody)
    }

    @Test func optionalStepUsesOptionalChaining() throws {
        let built = try build(paginatedAPI)
        let pagination = try #require(try built.operation("listOrders").pagination)
        #expect(pagination.cursorParameter == "startingAfter")
        #expect(pagination.nextCursor?.swiftExpression == ".meta?.nextCursor")
    }

    @Test func offsetPagination() throws {
        let built = try build(paginatedAPI)
        let pagination = try #require(try built.operation("listInvoices").pagination)
        #expect(pagination.style == .offset)
        #expect(pagination.items.swiftExpression == ".items")
        #expect(pagination.offsetParameter == "offset")
        #expect(pagination.limitParameter == "limit")
        #expect(pagination.hasMore?.swiftExpression == ".hasMore")
        #expect(pagination.hasMore?.type == .boolean)
        #expect(pagination.nextCursor == nil)
    }

    @Test func pagePagination() throws {
        let built = try build(paginatedAPI)
        let pagination = try #require(try built.operation("listPlans").pagination)
        #expect(pagination.style == .page)
        #expect(pagination.items.swiftExpression == ".results")
        #expect(pagination.pageParameter == "page")
        #expect(pagination.limitParameter == "perPage")
        #expect(pagination.total?.swiftExpression == ".meta.total")
        #expect(pagination.total?.type == .integer(bits: nil))
    }

    @Test func unpaginatedOperationHasNone() throws {
        let built = try build(paginatedAPI)
        #expect(try built.operation("listProducts").pagination == nil)
    }

    @Test func configDeclaresPaginationInTheRequestBody() throws {
        let config = try readConfig(
            """
            pagination:
              listProducts: {style: offset, items: items, offset: offset, limit: limit, in: body}
            """)
        let built = try build(paginatedAPI, config: config)
        #expect(built.diagnostics == [])
        let pagination = try #require(try built.operation("listProducts").pagination)
        #expect(pagination.style == .offset)
        #expect(pagination.inBody)
        #expect(pagination.offsetParameter == "offset")
        #expect(pagination.limitParameter == "limit")
        #expect(pagination.items.swiftExpression == ".items")
    }

    @Test func configDeclarationWinsOverTheExtension() throws {
        let config = try readConfig(
            """
            pagination:
              listCustomers: {style: offset, items: data, offset: limit, limit: limit}
            """)
        let built = try build(paginatedAPI, config: config)
        let pagination = try #require(try built.operation("listCustomers").pagination)
        #expect(pagination.style == .offset)
        #expect(pagination.offsetParameter == "limit")
    }

    @Test func pathsThatDoNotExistAreLocatedErrors() throws {
        var text = paginatedAPI
        text = text.replacingOccurrences(of: "next: pagination.next}", with: "next: pagination.nxt}")
        text = text.replacingOccurrences(of: "items: items, offset: offset", with: "items: has_more, offset: offset")
        text = text.replacingOccurrences(of: "cursor: starting_after,", with: "cursor: startingAfter,")
        let built = try build(text)
        #expect(
            built.diagnostics == [
                "api.yaml:10:29: error: pagination path 'pagination.nxt' does not exist in the response of 'listCustomers'",
                "api.yaml:19:29: error: pagination parameter 'startingAfter' is not a parameter of 'listOrders'",
                "api.yaml:30:29: error: pagination items 'has_more' is not an array",
            ])
        #expect(try built.operation("listCustomers").pagination == nil)
        #expect(try built.operation("listInvoices").pagination == nil)
    }

    @Test func malformedDeclarationsAreLocatedErrors() throws {
        var text = paginatedAPI
        text = text.replacingOccurrences(of: "{style: cursor, items: data, cursor: after, next: pagination.next}", with: "{style: cursor, items: data, cursor: after, nxt: pagination.next}")
        text = text.replacingOccurrences(of: "        style: page\n", with: "        style: pages\n")
        let built = try build(text)
        #expect(
            built.diagnostics == [
                "api.yaml:10:29: error: cursor pagination needs 'next'",
                "api.yaml:10:73: error: unknown pagination key 'nxt'; expected one of advance, cursor, hasMore, in, items, limit, next, offset, page, style, total",
                "api.yaml:42:16: error: pagination needs 'style: cursor', 'offset' or 'page'",
            ])
    }
}

/// Reads a config document written in `spindle.yaml`, requiring it to be valid.
func readConfig(_ text: String, defaultModule: String = "Shop") throws -> VendorConfig {
    let document = try YAMLDocument.parse(text, file: "spindle.yaml")
    var diagnostics: [Diagnostic] = []
    let config = VendorConfig.read(document, defaultModule: defaultModule) { diagnostics.append($0) }
    #expect(diagnostics == [])
    return try #require(config)
}
