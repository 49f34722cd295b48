import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Names that collide once converted to Swift, and paths with odd characters. These generate, and
/// the generated code type-checks against SpindleRuntime (`swiftc -typecheck`, Swift 6).
extension Robustness {
@Suite struct NamingRobustnessTests {
    static let collisions = """
        openapi: 3.1.0
        info: {title: Shop, version: 1.0.0}
        paths:
          /pets:
            get:
              operationId: get-pets
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}
          /pets/:
            get:
              operationId: getPets
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/pet'}}}}}
          /client/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Links'}}}}}
          /client/{id}/client:
            post:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /Pets:
            get:
              operationId: GetPets
              parameters:
                - {name: user_name, in: query, schema: {type: string}}
                - {name: userName, in: query, schema: {type: string}}
                - {name: user-name, in: header, schema: {type: string}}
                - {name: options, in: query, schema: {type: string}}
                - {name: body, in: query, schema: {type: string}}
                - {name: self, in: query, schema: {type: string}}
                - name: created
                  in: query
                  style: deepObject
                  schema: {anyOf: [{type: object, properties: {gt: {type: integer}}}, {type: integer}]}
                - {name: filters, in: query, schema: {$ref: '#/components/schemas/Filters'}}
              responses:
                '200': {description: ok}
                '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/ClientError'}}}}
        components:
          schemas:
            Pet:
              type: object
              required: [user_name, userName]
              properties:
                user_name: {type: string}
                userName: {type: string}
                UserName: {type: integer}
                '': {type: string}
                empty: {type: string}
                self: {type: [string, 'null']}
                Type: {type: string}
                class: {type: string}
                init: {type: string}
                '2fa': {type: boolean}
                '_': {type: string}
                '$ref': {type: string}
                status: {type: string, enum: [active, ACTIVE, Active, a-ctive, default, '', empty, self, init, Type, rawValue, unknown, allKnownValues]}
            Links:
              type: object
              required: [self]
              properties:
                self: {type: object, properties: {href: {type: string}}}
                next: {type: object, properties: {href: {type: string}}}
            pet: {type: object, properties: {name: {type: string}}}
            Pet_: {type: string}
            PET: {type: object, properties: {id: {type: integer}}}
            String: {type: object, properties: {value: {type: string}}}
            ShopClient: {type: object, properties: {id: {type: string}}}
            Shop: {type: object, properties: {id: {type: string}}}
            ShopError: {type: object, properties: {message: {type: string}}}
            ClientError: {type: object, properties: {code: {type: string}}}
            Credential: {type: object, properties: {token: {type: string}}}
            Filter: {type: object, properties: {field: {type: string}}}
            Filters: {type: array, items: {$ref: '#/components/schemas/Filter'}}

        """

    static let oddPaths = """
        openapi: 3.1.0
        info: {title: Shop, version: 1.0.0}
        paths:
          /:
            get: {responses: {'200': {description: root}}}
          /pets list:
            get: {responses: {'200': {description: spaces}}}
          /café/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: unicode}}
          /files/{id}.json:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'200': {description: suffix}}
          /files/{id}/:
            delete:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: trailing slash}}
          /a//b:
            get: {responses: {'200': {description: empty segment}}}
          /x/{a}{b}:
            get:
              parameters:
                - {name: a, in: path, required: true, schema: {type: string}}
                - {name: b, in: path, required: true, schema: {type: string}}
              responses: {'200': {description: adjacent parameters}}
          /q?x=1:
            get: {responses: {'200': {description: query in path}}}
          /pct%20encoded/#frag:
            get: {responses: {'200': {description: percent and hash}}}
          /emoji/🐶:
            post: {responses: {'201': {description: emoji}}}
          /v1/items.list:
            post: {responses: {'200': {description: dotted}}}
          /.:
            get: {responses: {'200': {description: dot}}}
          /..:
            get: {responses: {'200': {description: dot dot}}}
          /files/...:
            get: {responses: {'200': {description: dots}}}
          /"quoted"\\\\back:
            get: {responses: {'200': {description: quote and backslash}}}

        """

    /// Text that ends up in comments: line breaks of every kind (`\r\n`, a lone `\r`, U+2028),
    /// a title written as a block scalar (ends with a line break), comment terminators.
    static let text = #"""
        openapi: 3.0.3
        info:
          title: |
            Shop
            API
          version: "1.0\r\n2"
          description: "First line\r\nsecond line\rthird line\u2028fourth */ line\n"
        servers: [{url: 'https://example.com/v1', description: "a\rb"}]
        paths:
          /pets:
            get:
              summary: "Lists\rpets"
              description: "All\r\npets */"
              parameters:
                - {name: limit, in: query, description: "How many\rat most\r\n(default 10)", schema: {type: integer}}
              requestBody: {description: "The\rbody", content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
              responses:
                '200':
                  description: "A page\r\nof pets.\rDates are UTC."
                  content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
                '404': {description: "Not\rfound", content: {application/json: {schema: {type: object, description: "x\ry", properties: {m: {type: string}}}}}}
        components:
          schemas:
            Pet:
              description: "A pet.\r\nWith lines."
              type: object
              properties:
                name: {type: string, description: "The name\r(short)", default: "a\rb"}
                kind: {type: string, enum: ["a\rb", "c\r\nd", "*/"], description: "Kind\rof pet"}
                old: {type: string, deprecated: true, description: "Old\r\nfield"}

        """#

    @Test func textWithAnyLineBreakTypeChecks() async throws {
        let generation = try await generate(Self.text)
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    @Test func collidingNamesGetDistinctSwiftNames() async throws {
        let generation = try await generate(Self.collisions)
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let module = try #require(generation.module)
        let methods = module.operations.map { "\($0.httpMethod.rawValue.uppercased()) \($0.path) -> " + ($0.resource + [$0.methodName]).joined(separator: ".") }
        // Clashing operations fall back to their operationIds, then to numbered names, in path order;
        // a `client` resource would clash with the stored `client` of every resource struct.
        #expect(methods == [
            "GET /client/{id} -> clientResource.retrieve",
            "POST /client/{id}/client -> clientResource.clientResource.create",
            "GET /Pets -> pets.getPets",
            "GET /pets -> pets.getPets2",
            "GET /pets/ -> pets.getPets3",
        ])
        // Component names that convert to one Swift name are numbered in name order (`PET` sorts
        // first); names of Swift, runtime and the module's own types take a suffix.
        #expect(module.types.map(\.name) == [
            "ClientErrorValue", "CredentialValue", "Filter", "Filters", "Links", "Pet", "Pet2", "Pet3", "Pet4",
            "PetsGetPetsCreated", "ShopClientModel", "ShopErrorModel", "ShopModel", "StringValue",
        ])
        // Regression: types used as parameters through a union or an alias encode as parameters.
        #expect(try generation.file("Types/PetsGetPetsCreated.swift").contains("Sendable, ParameterEncodable {"))
        #expect(try generation.file("Types/Filter.swift").contains("Sendable, DeclaredMembers, ParameterEncodable {"))
        let pet = try generation.file("Types/Pet2.swift")
        for declaration in [
            "public var userName: String", "public var userName2: String", "public var userName3: Int?",
            "public var empty: String?", "public var empty2: String?", "public var `self`: OptionalValue<String>",
            "public var type: String?", "public var `class`: String?", "public var `init`: String?",
            "public var _2fa: Bool?",
        ] {
            #expect(pet.contains(declaration), "\(declaration)")
        }
        let parameters = try #require(module.operations.first { $0.operationId == "GetPets" }?.parameters)
        #expect(parameters.map(\.swiftName) == ["userName", "userName2", "userName3", "options2", "body2", "self", "created", "filters"])
    }

    @Test func collidingNamesTypeCheck() async throws {
        let generation = try await generate(Self.collisions)
        #expect(generation.succeeded)
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    @Test func oddPathsGenerate() async throws {
        let generation = try await generate(Self.oddPaths)
        // A fixed query string is not part of a path template: it is sent as query parameters (`x=1`).
        #expect(generation.diagnostics == [])
        #expect(generation.succeeded)
        let module = try #require(generation.module)
        let methods = module.operations.map { "\($0.httpMethod.rawValue.uppercased()) \($0.path) -> " + ($0.resource + [$0.methodName]).joined(separator: ".") }
        // Regression: a segment of dots only (`/.`, `/..`) crashed placement (force-unwrapped split).
        #expect(methods.sorted() == [
            "DELETE /files/{id}/ -> files.delete",
            "GET / -> list",
            "GET /\"quoted\"\\\\back -> quotedBack.list",
            "GET /. -> empty.get",
            "GET /.. -> empty.get2",
            "GET /a//b -> a.b.list",
            "GET /café/{id} -> café.retrieve",
            "GET /files/... -> files.empty.list",
            "GET /files/{id}.json -> files.retrieve",
            "GET /pct%20encoded/#frag -> pct20encoded.frag.list",
            "GET /pets list -> petsList.list",
            "GET /q -> q.listX1",
            "GET /x/{a}{b} -> x.retrieve",
            "POST /emoji/🐶 -> emoji.empty.create",
            "POST /v1/items.list -> items.list",
        ])
    }

    @Test func oddPathsTypeCheck() async throws {
        let generation = try await generate(Self.oddPaths)
        #expect(generation.succeeded)
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }

    /// Regression: a schema and a property with the same Swift name (digits and caseless letters have no
    /// upper-case form to tell a type from a property) wrote `_200.self`, which inside the object is the
    /// property, and did not compile. Such references are qualified with the module name.
    @Test func schemasNamedLikePropertiesTypeCheck() async throws {
        let generation = try await generate(document(
            paths: """
                /x:
                  get:
                    operationId: 日本
                    responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/日本'}}}}}
                """,
            schemas: """
                '200': {type: object, properties: {name: {type: string}}}
                日本: {type: object, properties: {x: {type: string}}}
                Holder:
                  type: object
                  required: ['200']
                  properties:
                    '200': {$ref: '#/components/schemas/200'}
                    日本: {$ref: '#/components/schemas/日本'}
                    list: {type: array, items: {$ref: '#/components/schemas/200'}}
                    map: {type: object, additionalProperties: {$ref: '#/components/schemas/日本'}}
                    inner:
                      type: object
                      properties:
                        deeper: {$ref: '#/components/schemas/200'}
                        '200': {type: string}
                Pick:
                  oneOf: [{$ref: '#/components/schemas/200'}, {$ref: '#/components/schemas/日本'}]
                """))
        #expect(generation.diagnostics == [])
        let holder = try generation.file("Types/Holder.swift")
        #expect(holder.contains("self._200 = try container.decode(Shop._200.self, forKey: \"200\")"))
        #expect(holder.contains("self.日本 = try container.decodeIfPresent(Shop.日本.self, forKey: \"日本\")"))
        // Inside `Inner`, `_200` is Inner's own property as well as the outer one.
        #expect(holder.contains("self.deeper = try container.decodeIfPresent(Shop._200.self, forKey: \"deeper\")"))
        let errors = try await TypeCheck.errors(in: generation.files)
        #expect(errors == nil)
    }
}
}
