import SpindleOpenAPI
import SpindleYAML
import Testing

/// `$ref` parsing and resolution: pointers, relative files, dangling targets and cycles.
@Suite struct ReferenceTests {
    @Test func jsonPointerUnescapesTokens() throws {
        #expect(JSONPointer(fragment: "/components/schemas/Money")?.tokens == ["components", "schemas", "Money"])
        #expect(JSONPointer(fragment: "/paths/~1customers~1{id}/get")?.tokens == ["paths", "/customers/{id}", "get"])
        #expect(JSONPointer(fragment: "/a~0b")?.tokens == ["a~b"])
        // `~01` is `~1` escaped: the `~1` is not unescaped a second time.
        #expect(JSONPointer(fragment: "/~01")?.tokens == ["~1"])
        #expect(JSONPointer(fragment: "/with%20space/%7Bid%7D")?.tokens == ["with space", "{id}"])
        #expect(JSONPointer(fragment: "")?.tokens == [])
        #expect(JSONPointer(fragment: "/")?.tokens == [""])
        #expect(JSONPointer(fragment: "components") == nil)
        let pointer = JSONPointer(tokens: ["paths", "/customers/{id}", "a~b"])
        #expect(pointer.description == "/paths/~1customers~1{id}/a~0b")
        #expect(JSONPointer(fragment: pointer.description) == pointer)
        // A `~` not followed by 0 or 1 is kept; unicode passes through both ways.
        #expect(JSONPointer(fragment: "/a~2/b~")?.tokens == ["a~2", "b~"])
        let media = JSONPointer(tokens: ["content", "application/json", "café~🐶", ""])
        #expect(media.description == "/content/application~1json/café~0🐶/")
        #expect(JSONPointer(fragment: media.description) == media)
    }

    @Test func localReferencesWithEscapesAndPercentEncodingResolve() throws {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                a/b: {title: Slash, type: string}
                c~d: {title: Tilde, type: string}
                with space: {title: Space, type: string}
                Holder:
                  type: object
                  properties:
                    slash: {$ref: '#/components/schemas/a~1b'}
                    tilde: {$ref: '#/components/schemas/c~0d'}
                    space: {$ref: '#/components/schemas/with%20space'}
                    encodedTilde: {$ref: '#/components/schemas/c%7E0d'}
                    viaProperty: {$ref: '#/components/schemas/Holder/properties/slash'}
            """)
        #expect(loaded.diagnostics == [])
        let resolve = { (name: String) throws -> String? in
            loaded.loader.resolve(try loaded.property(name, of: "Holder"))?.title
        }
        #expect(try resolve("slash") == "Slash")
        #expect(try resolve("tilde") == "Tilde")
        #expect(try resolve("space") == "Space")
        #expect(try resolve("encodedTilde") == "Tilde")
        // A reference to a reference is followed to the end.
        #expect(try resolve("viaProperty") == "Slash")
        #expect(try loaded.property("slash", of: "Holder").ref?.target == "api.yaml#/components/schemas/a~1b")
    }

    @Test func referencesIntoOtherFilesResolveRelativeToTheReferencingFile() throws {
        let files = [
            "api/main.yaml": """
                openapi: 3.0.3
                info: {title: T, version: "1"}
                paths: {}
                components:
                  schemas:
                    Order:
                      type: object
                      properties:
                        total: {$ref: '../shared/common.yaml#/components/schemas/Money'}
                        tag: {$ref: 'tags.yaml#/Tag'}
                        note: {$ref: './sub/../tags.yaml#/Note'}
                """,
            "api/tags.yaml": """
                Tag: {type: string, title: Tag}
                Note: {type: string, title: Note}
                """,
            "shared/common.yaml": """
                components:
                  schemas:
                    Money:
                      type: object
                      properties:
                        currency: {$ref: 'currency.yaml#/Currency'}
                """,
            "shared/currency.yaml": """
                Currency: {type: string, enum: [usd, eur]}
                """,
        ]
        let loaded = load(files, fragments: ["api/main.yaml"])
        #expect(loaded.diagnostics == [])
        let total = try loaded.property("total", of: "Order")
        #expect(total.ref?.target == "shared/common.yaml#/components/schemas/Money")
        let money = try #require(loaded.loader.resolve(total))
        #expect(money.origin.file == "shared/common.yaml")
        let currencyRef = try #require(money.properties.first?.schema)
        // Resolved against shared/common.yaml, not against the root document.
        #expect(currencyRef.ref?.target == "shared/currency.yaml#/Currency")
        #expect(loaded.loader.resolve(currencyRef)?.enumValues == [.plain("usd"), .plain("eur")])
        #expect(loaded.loader.resolve(try loaded.property("tag", of: "Order"))?.title == "Tag")
        #expect(try loaded.property("note", of: "Order").ref?.file == "api/tags.yaml")
        #expect(loaded.loader.resolve(try loaded.property("note", of: "Order"))?.title == "Note")
        // A file reached twice is one schema instance.
        #expect(loaded.loader.resolve(total) === money)
    }

    @Test func danglingLocalReferenceIsReportedAtTheRef() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/Nope'}
                    b:
                      $ref: '#/components/schema/Holder'
            """)
        #expect(
            loaded.diagnostics == [
                "api.yaml:9:19: error: dangling reference '#/components/schemas/Nope': no 'Nope' in api.yaml",
                "api.yaml:11:17: error: dangling reference '#/components/schema/Holder': no 'schema' in api.yaml",
            ])
    }

    @Test func danglingCrossFileReferenceIsReportedAtTheRef() {
        let files = [
            "api.yaml": """
                openapi: 3.0.3
                info: {title: T, version: "1"}
                paths:
                  /money:
                    get:
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema: {$ref: 'common.yaml#/components/schemas/Mony'}
                """,
            "common.yaml": """
                components:
                  schemas:
                    Money: {type: string}
                """,
        ]
        let loaded = load(files)
        #expect(
            loaded.diagnostics == [
                "api.yaml:11:30: error: dangling reference 'common.yaml#/components/schemas/Mony': no 'Mony' in common.yaml"
            ])
    }

    @Test func danglingReferenceInsideAReferencedFileIsReportedThere() {
        let files = [
            "api.yaml": """
                openapi: 3.0.3
                info: {title: T, version: "1"}
                paths: {}
                components:
                  schemas:
                    Price: {$ref: 'common.yaml#/Money'}
                """,
            "common.yaml": """
                Money:
                  type: object
                  properties:
                    currency: {$ref: '#/Currenc'}
                Currency: {type: string}
                """,
        ]
        let loaded = load(files)
        #expect(loaded.diagnostics == ["common.yaml:4:22: error: dangling reference '#/Currenc': no 'Currenc' in common.yaml"])
    }

    @Test func missingReferencedFileIsReportedOnceAtTheFirstRef() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    a: {$ref: 'missing.yaml#/Money'}
                    b: {$ref: 'missing.yaml#/Currency'}
            """)
        #expect(loaded.diagnostics == ["api.yaml:9:19: error: cannot read file 'missing.yaml'"])
    }

    @Test func referencedFileWithSyntaxErrorIsReportedInThatFile() {
        let files = [
            "api.yaml": """
                openapi: 3.0.3
                info: {title: T, version: "1"}
                paths: {}
                components:
                  schemas:
                    Price: {$ref: 'broken.yaml#/Money'}
                """,
            "broken.yaml": "Money: {type: string\n",
        ]
        let loaded = load(files)
        #expect(
            loaded.diagnostics == [
                "broken.yaml:2:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 8)"
            ])
    }

    @Test func selfReferencingSchemaLoads() throws {
        let loaded = load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children:
                      type: array
                      items: {$ref: '#/components/schemas/Node'}
            """)
        #expect(loaded.diagnostics == [])
        let node = try loaded.schema("Node")
        let children = try loaded.property("children", of: "Node")
        let item = try #require(children.items)
        #expect(loaded.loader.resolve(item) === node)
    }

    @Test func pureReferenceCycleIsAnError() throws {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
                Self:
                  $ref: '#/components/schemas/Self'
            """)
        #expect(
            loaded.diagnostics == [
                "api.yaml:6:15: error: reference cycle: '#/components/schemas/B' refers back to itself through references only",
                "api.yaml:9:13: error: reference cycle: '#/components/schemas/Self' refers back to itself through references only",
            ])
        #expect(loaded.loader.resolve(try loaded.schema("B")) == nil)
    }

    @Test(arguments: [2, 15, 16, 17, 40])
    func longReferenceCyclesAreOneErrorAndAChainIntoThemResolvesToNil(length: Int) throws {
        // Chains shorter than 16 links are checked for cycles by a scan, longer ones with a set: both ways
        // must find the cycle, once.
        let links = (0..<length).map { "    C\($0): {$ref: '#/components/schemas/C\(($0 + 1) % length)'}" }
        let loaded = load(schemas: ["    Entry: {$ref: '#/components/schemas/C0'}"] + links, openAPI: "3.0.3")
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.contains("error: reference cycle:") == true)
        #expect(loaded.loader.resolve(try loaded.schema("Entry")) == nil)
        #expect(loaded.loader.resolve(try loaded.schema("C\(length - 1)")) == nil)
    }

    @Test func remoteReferencesAreRejected() {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Money: {$ref: 'https://example.com/schemas.yaml#/Money'}
                Price:
                  $ref: http://example.com/price.json
            """)
        #expect(
            loaded.diagnostics == [
                "api.yaml:6:19: error: remote reference 'https://example.com/schemas.yaml#/Money' is not supported; download the file and refer to it by a relative path",
                "api.yaml:8:13: error: remote reference 'http://example.com/price.json' is not supported; download the file and refer to it by a relative path",
            ])
    }

    @Test func fragmentThatIsNotAPointerIsAnError() {
        let loaded = load(
            """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Money: {$ref: '#Money'}
            """)
        #expect(loaded.diagnostics == ["api.yaml:6:19: error: reference '#Money' has a fragment that is not a JSON pointer"])
    }

    @Test func referencedParametersAndResponsesResolve() throws {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /pets/{id}:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Id'
                  responses:
                    '404': {$ref: '#/components/responses/NotFound'}
            components:
              parameters:
                Id: {name: id, in: path, required: true, schema: {type: string}}
              responses:
                NotFound: {description: Not found}
            """)
        #expect(loaded.diagnostics == [])
        let operation = try #require(loaded.api?.operations.first)
        #expect(operation.parameters.map(\.name) == ["id"])
        #expect(operation.responses.map(\.status) == ["404"])
        #expect(operation.responses.first?.description == "Not found")
    }

    @Test func pointersBuiltDifferentlyAreEqualAndHashAlike() throws {
        let appended = JSONPointer(tokens: []).appending("components").appending("schemas").appending("a/b")
        let fromTokens = JSONPointer(tokens: ["components", "schemas", "a/b"])
        let parsed = try #require(JSONPointer(fragment: "/components/schemas/a~1b"))
        #expect(appended == fromTokens)
        #expect(parsed == appended)
        #expect(Set([appended, fromTokens, parsed]).count == 1)
        #expect(appended.tokens == ["components", "schemas", "a/b"])
        #expect(appended.count == 3)
        #expect(appended.lastToken == "a/b")
        #expect(appended.description == "/components/schemas/a~1b")
        // Same length, one token apart; a prefix is not equal either.
        #expect(appended != JSONPointer(tokens: ["components", "schema", "a/b"]))
        #expect(fromTokens != JSONPointer(tokens: ["components", "schemas"]))
        #expect(JSONPointer(tokens: []).lastToken == nil)
        // Two children of one parent share it and still differ.
        let parent = JSONPointer(tokens: ["paths"])
        #expect(parent.appending("a") != parent.appending("b"))
        #expect(parent.appending("a") == parent.appending("a"))
    }

    @Test func referencesEqualByTargetWhateverTheirSpelling() throws {
        let location = SourceLocation(file: "api.yaml", line: 1, column: 1)
        let plain = Reference(
            file: "api.yaml", pointer: JSONPointer(tokens: ["components", "schemas", "c~d"]), text: "#/components/schemas/c~0d",
            location: location)
        let encoded = Reference(
            file: "api.yaml", pointer: try #require(JSONPointer(fragment: "/components/schemas/c%7E0d")), text: "#/components/schemas/c%7E0d",
            location: SourceLocation(file: "api.yaml", line: 9, column: 3))
        #expect(plain == encoded)
        #expect(Set([plain, encoded]).count == 1)
        #expect(encoded.text == "#/components/schemas/c%7E0d")
        #expect(plain.target == "api.yaml#/components/schemas/c~0d")
        // A place nobody wrote as a `$ref` spells its text from the pointer.
        let origin = Reference(file: "api.yaml", pointer: JSONPointer(tokens: ["paths", "/a/{id}"]), location: location)
        #expect(origin.text == "#/paths/~1a~1{id}")
        #expect(origin != Reference(file: "other.yaml", pointer: origin.pointer, location: location))
    }

    @Test func everyWayToReachOneSchemaObjectGivesOneSchema() throws {
        let loaded = load(
            """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    inline: {type: object, properties: {x: {type: string}}}
                    viaPointer: {$ref: '#/components/schemas/Holder/properties/inline'}
                    viaEncodedPointer: {$ref: '#/components/schemas/Holder/properties/%69nline'}
            """)
        #expect(loaded.diagnostics == [])
        let inline = try loaded.property("inline", of: "Holder")
        let viaPointer = try #require(loaded.loader.resolve(try loaded.property("viaPointer", of: "Holder")))
        let viaEncoded = try #require(loaded.loader.resolve(try loaded.property("viaEncodedPointer", of: "Holder")))
        #expect(viaPointer === inline)
        #expect(viaEncoded === inline)
        #expect(inline.origin.text == "#/components/schemas/Holder/properties/inline")
    }
}
