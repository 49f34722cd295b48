import SpindleOpenAPI
import SpindleYAML
import Testing

/// Which documents the loader accepts, and what it reads from OpenAPI 3.0 and 3.1 schemas.
@Suite struct DocumentTests {
    @Test func openAPI30DocumentLoads() throws {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0, description: A pet store.}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200': {description: OK}
            components:
              schemas:
                Nickname:
                  type: string
                  nullable: true
                  example: Rex
            """)
        #expect(loaded.diagnostics == [])
        let api = try #require(loaded.api)
        #expect(api.openAPIVersion == "3.0.3")
        #expect(api.title == "Pets")
        #expect(api.version == "1.0.0")
        #expect(api.description == "A pet store.")
        #expect(api.operations.map(\.operationId) == ["listPets"])
        let nickname = try loaded.schema("Nickname")
        #expect(nickname.types == [.string])
        #expect(nickname.nullable)
        #expect(nickname.allowsNull)
    }

    @Test func openAPI31SchemaKeywordsLoad() throws {
        let loaded = load(
            """
            openapi: 3.1.0
            info: {title: Pets, version: 2.0.0}
            paths: {}
            components:
              schemas:
                Name:
                  type: [string, "null"]
                  examples: [Rex, Fido]
                Kind:
                  const: dog
                Pet:
                  type: object
                  properties:
                    name:
                      $ref: '#/components/schemas/Name'
                      description: What the pet answers to.
                    kind:
                      $ref: '#/components/schemas/Kind'
            """)
        #expect(loaded.diagnostics == [])
        #expect(loaded.api?.openAPIVersion == "3.1.0")

        let name = try loaded.schema("Name")
        #expect(name.types == [.string, .null])
        #expect(name.nonNullTypes == [.string])
        #expect(name.allowsNull)
        #expect(!name.nullable)

        let kind = try loaded.schema("Kind")
        #expect(kind.constValue == .plain("dog"))
        #expect(kind.constValue?.stringValue == "dog")

        // A reference keeps its sibling description and still resolves to the component.
        let petName = try loaded.property("name", of: "Pet")
        #expect(petName.ref?.target == "api.yaml#/components/schemas/Name")
        #expect(petName.description == "What the pet answers to.")
        #expect(loaded.loader.resolve(petName) === name)
        #expect(loaded.loader.resolve(try loaded.property("kind", of: "Pet")) === kind)
    }

    @Test func swagger2IsRejectedAtTheSwaggerKey() {
        let loaded = load(
            """
            swagger: "2.0"
            info: {title: Old, version: "1"}
            paths: {}
            """)
        #expect(loaded.api == nil)
        #expect(
            loaded.diagnostics == [
                "api.yaml:1:1: error: Swagger 2.0 documents are not supported; convert the file to OpenAPI 3 first (for example with swagger2openapi)"
            ])
    }

    @Test(arguments: ["4.0.0", "2.0", "3.2.0", "3.10.0", "3"])
    func unknownOpenAPIVersionIsRejected(version: String) {
        let loaded = load(
            """
            info: {title: T, version: "1"}
            openapi: \(version)
            paths: {}
            """)
        #expect(loaded.api == nil)
        #expect(
            loaded.diagnostics == [
                "api.yaml:2:10: error: OpenAPI version '\(version)' is not supported; expected 3.0.x or 3.1.x"
            ])
    }

    @Test(arguments: ["3.0", "3.0.0", "3.0.4", "3.1", "3.1.1", "3.1.0-rc1"])
    func supportedOpenAPIVersionsAreAccepted(version: String) {
        let loaded = load(
            """
            openapi: \(version)
            info: {title: T, version: "1"}
            paths: {}
            """)
        #expect(loaded.diagnostics == [])
        #expect(loaded.api?.openAPIVersion == version)
    }

    @Test func missingOpenAPIFieldIsRejected() {
        let loaded = load(
            """
            info: {title: T, version: "1"}
            paths: {}
            """)
        #expect(loaded.api == nil)
        #expect(loaded.diagnostics == ["api.yaml:1:1: error: missing 'openapi' version field; is this an OpenAPI document?"])
    }

    @Test(arguments: ["", "# nothing but a comment\n", "---\n"])
    func emptyFileIsRejected(text: String) {
        let loaded = load(text)
        #expect(loaded.api == nil)
        #expect(loaded.diagnostics == ["api.yaml:1:1: error: the document is empty"])
    }

    @Test func topLevelSequenceIsRejected() {
        let loaded = load("- openapi\n- 3.0.0\n")
        #expect(loaded.api == nil)
        #expect(loaded.diagnostics == ["api.yaml:1:1: error: an OpenAPI document must be a mapping at the top level"])
    }

    @Test func missingInfoIsAnError() {
        let loaded = load(
            """
            openapi: 3.0.3
            paths: {}
            """)
        #expect(loaded.diagnostics == ["api.yaml:1:1: error: missing 'info' object"])
    }

    @Test func unreadableFragmentIsAnError() {
        let loaded = load([:], fragments: ["nowhere.yaml"])
        #expect(loaded.api == nil)
        #expect(loaded.diagnostics == ["nowhere.yaml:1:1: error: cannot read file 'nowhere.yaml'"])
    }

    @Test func yamlSyntaxErrorIsReportedWithItsLocation() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"
            paths: {}
            """)
        #expect(loaded.api == nil)
        #expect(
            loaded.diagnostics == [
                "api.yaml:3:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 7)"
            ])
    }

    @Test func ignoredSecondYAMLDocumentIsAWarning() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            ---
            openapi: 3.1.0
            """)
        #expect(loaded.api?.openAPIVersion == "3.0.3")
        #expect(loaded.diagnostics == ["api.yaml:4:1: warning: the file contains more than one YAML document; only the first is used [-Wmultiple-documents]"])
    }

    @Test func unsupportedKeywordsAreLocatedWarnings() throws {
        let loaded = load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                NotAString:
                  not: {type: string}
                Conditional:
                  type: object
                  if: {required: [a]}
                  then: {required: [b]}
            """)
        #expect(
            loaded.diagnostics == [
                "api.yaml:7:7: warning: 'not' is not supported yet; ignored [-Wunsupported-keyword]",
                "api.yaml:10:7: warning: 'if' is not supported yet; ignored [-Wunsupported-keyword]",
                "api.yaml:11:7: warning: 'then' is not supported yet; ignored [-Wunsupported-keyword]",
            ])
        // Warnings do not stop the load.
        #expect(try loaded.schema("Conditional").types == [.object])
    }

    @Test func keywordsAreFoundAmongKeysOfTheSameLengthAndExtensions() throws {
        // `type`/`enum`, `title`/`items`, `format`/`$ref`-free siblings: keys are matched by their bytes,
        // not only by length; extensions and unknown keys are skipped.
        let loaded = load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Size:
                  x-kind: size
                  enum: [s, m]
                  type: string
                  title: The size
                  x-enum: [ignored]
                  format: slug
                  unknownKeyword: 1
                  description: How big.
                  $dynamicRef: '#meta'
                  default: m
                  const: m
            """)
        #expect(loaded.diagnostics == ["api.yaml:15:7: warning: '$dynamicRef' is not supported yet; ignored [-Wunsupported-keyword]"])
        let size = try loaded.schema("Size")
        #expect(size.types == [.string])
        #expect(size.enumValues == [.plain("s"), .plain("m")])
        #expect(size.title == "The size")
        #expect(size.format == "slug")
        #expect(size.description == "How big.")
        #expect(size.defaultValue == .plain("m"))
        #expect(size.constValue == .plain("m"))
        #expect(size.extensions.keys.sorted() == ["x-enum", "x-kind"])
    }

    @Test func eachValidationKeywordAloneIsRead() throws {
        // Constraints are read only when some validation keyword is present, so each is tested on its own.
        let keywords: [(key: String, value: String, check: (Constraints) -> Bool)] = [
            ("minimum", "1", { $0.minimum == 1 }), ("maximum", "2", { $0.maximum == 2 }),
            ("exclusiveMinimum", "3", { $0.exclusiveMinimum == 3 }), ("exclusiveMaximum", "4", { $0.exclusiveMaximum == 4 }),
            ("multipleOf", "5", { $0.multipleOf == 5 }), ("minLength", "6", { $0.minLength == 6 }),
            ("maxLength", "7", { $0.maxLength == 7 }), ("pattern", "'^a$'", { $0.pattern == "^a$" }),
            ("minItems", "8", { $0.minItems == 8 }), ("maxItems", "9", { $0.maxItems == 9 }),
            ("uniqueItems", "true", { $0.uniqueItems }), ("minProperties", "10", { $0.minProperties == 10 }),
            ("maxProperties", "11", { $0.maxProperties == 11 }),
        ]
        let schemas = keywords.enumerated().map { "    S\($0.offset):\n      type: \"integer\"\n      \($0.element.key): \($0.element.value)" }
        let loaded = load(schemas: schemas)
        #expect(loaded.diagnostics == [])
        for (offset, keyword) in keywords.enumerated() {
            let schema = try loaded.schema("S\(offset)")
            #expect(keyword.check(schema.constraints), "\(keyword.key)")
            #expect(!schema.constraints.isEmpty, "\(keyword.key)")
            #expect(schema.types == [.integer])
        }
        let plain = load(schemas: ["    P:\n      type: [string, 'null']"])
        #expect(try plain.schema("P").constraints.isEmpty)
        #expect(try plain.schema("P").types == [.string, .null])
    }

    @Test func unknownTypeIsALocatedError() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Name:
                  type: strin
                Either:
                  type: [string, nul]
            """)
        #expect(
            loaded.diagnostics == [
                "api.yaml:7:13: error: unknown type 'strin'; expected one of array, boolean, integer, null, number, object, string",
                "api.yaml:9:22: error: unknown type 'nul'; expected one of array, boolean, integer, null, number, object, string",
            ])
    }

    @Test func independentErrorsAreAllReportedInSortedOrder() throws {
        // Components are read before paths, so the errors are found out of source order.
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              pets:
                get:
                  responses: {'200': {description: OK}}
              /owners:
                get:
                  responses:
                    '600': {description: Nope}
            components:
              schemas:
                Pet:
                  type: objekt
            """)
        let expected = [
            "api.yaml:4:3: error: path 'pets' must start with '/'",
            "api.yaml:10:9: error: '600' is not an HTTP status code, a range like '4XX', or 'default'",
            "api.yaml:14:13: error: unknown type 'objekt'; expected one of array, boolean, integer, null, number, object, string",
        ]
        #expect(loaded.diagnostics == expected)
        #expect(loaded.loader.diagnostics.errorCount == 3)
        // Thrown as one error holding all three, sorted.
        #expect(throws: DiagnosticError.self) { try loaded.loader.diagnostics.throwIfErrors() }
        #expect(loaded.loader.diagnostics.asError.description == expected.joined(separator: "\n"))
    }
}
