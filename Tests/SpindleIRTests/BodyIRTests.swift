import SpindleIR
import SpindleOpenAPI
import Testing

/// How request and response bodies are typed by their media types: JSON, forms, multipart forms with their
/// parts, bytes, Server-Sent Events, JSON Lines and JSON text sequences. What Spindle cannot type gets a
/// located warning and goes as bytes, never as JSON.
@Suite struct BodyIRTests {
    func document(_ paths: String) -> String {
        let indented = paths.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        return """
            openapi: 3.1.0
            info: {title: Shop, version: 1.0.0}
            paths:
            \(indented)
            components:
              schemas:
                Event: {type: object, required: [id], properties: {id: {type: string}}}
            """
    }

    @Test func multipartFormsHaveAPartPerPropertyWithTheirEncoding() throws {
        let built = try build(document("""
            /files:
              post:
                operationId: upload
                requestBody:
                  required: true
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        required: [file, purpose]
                        properties:
                          purpose: {type: string, enum: [a, b]}
                          count: {type: integer}
                          tags: {type: array, items: {type: string}}
                          meta: {type: object, properties: {k: {type: string}}}
                          file: {type: string, format: binary}
                          scans: {type: array, items: {type: string, contentMediaType: image/tiff}}
                          form: {type: string}
                      encoding:
                        file:
                          contentType: image/png, image/jpeg
                          headers: {X-Checksum: {schema: {type: string}}}
                        count: {contentType: application/json}
                        scans: {contentType: 'image/*'}
                responses: {'204': {description: Stored.}}
            """))
        #expect(built.diagnostics == [])
        let body = try #require(try built.operation("upload").requestBody)
        #expect(body.kind == .multipart)
        #expect(body.type == .named(["FilesCreateForm"]))
        guard case .multipartForm(let form) = try built.type("FilesCreateForm").kind else {
            Issue.record("FilesCreateForm is no form")
            return
        }
        #expect(form.parts.map(\.name) == ["purpose", "count", "tags", "meta", "file", "scans", "form"])
        // `form` is the member every generated form has.
        #expect(form.parts.map(\.swiftName) == ["purpose", "count", "tags", "meta", "file", "scans", "form2"])
        #expect(form.parts.map(\.kind) == [.text, .json, .text, .json, .file, .file, .text])
        #expect(form.parts.map(\.isRepeated) == [false, false, true, false, false, true, false])
        #expect(form.parts.map(\.required) == [true, false, false, false, true, false, false])
        // The first of several types; a wildcard is no type to send, so the file's own media type is not used either.
        #expect(form.parts.map(\.contentType) == [nil, "application/json", nil, nil, "image/png", nil, nil])
        #expect(form.parts[4].headers == ["X-Checksum"])
        #expect(form.parts[3].type == .named(["FilesCreateForm", "Meta"]))
    }

    @Test func whatAFormCannotExpressIsWarnedAboutWhereItIsWritten() throws {
        let built = try build(document("""
            /a:
              post:
                operationId: a
                requestBody:
                  content:
                    multipart/form-data:
                      schema: {type: object, properties: {note: {type: string}}}
                      encoding:
                        note: {headers: {X-Trace: {schema: {type: string}}}}
                        missing: {contentType: text/plain}
                responses: {'204': {description: Stored.}}
            /b:
              post:
                operationId: b
                requestBody:
                  content:
                    multipart/form-data:
                      schema: {type: string}
                responses: {'204': {description: Stored.}}
            /c:
              post:
                operationId: c
                requestBody:
                  content:
                    multipart/form-data: {}
                responses: {'204': {description: Stored.}}
            """))
        #expect(built.diagnostics == [
            "api.yaml:12:21: warning: the header fields of part 'note' are not sent: only file parts carry header fields [-Wunsupported-body]",
            "api.yaml:13:24: warning: encoding names 'missing', which is no property of the form; ignored [-Wunsupported-body]",
            "api.yaml:21:21: warning: the 'multipart/form-data' schema is no object with properties; the body is raw parts (MultipartForm) [-Wunsupported-body]",
        ])
        #expect(try built.operation("b").requestBody?.kind == .multipart)
        #expect(try built.operation("b").requestBody?.type == .data)
        #expect(try built.operation("c").requestBody?.type == .data)
    }

    @Test func bodiesOfOtherMediaTypesAreBytesAndNeverJSON() throws {
        let built = try build(document("""
            /xml:
              post:
                operationId: xml
                requestBody:
                  content:
                    application/xml: {schema: {$ref: '#/components/schemas/Event'}}
                responses: {'204': {description: Stored.}}
            /text:
              post:
                operationId: text
                requestBody:
                  content:
                    text/plain: {schema: {type: string}}
                responses: {'204': {description: Stored.}}
            /mixed:
              post:
                operationId: mixed
                requestBody:
                  content:
                    multipart/mixed: {schema: {type: object, properties: {a: {type: string}}}}
                responses: {'204': {description: Stored.}}
            /any:
              post:
                operationId: any
                requestBody:
                  content:
                    '*/*': {schema: {$ref: '#/components/schemas/Event'}}
                responses: {'204': {description: Stored.}}
            """))
        #expect(built.diagnostics == [
            "api.yaml:9:11: warning: 'application/xml' bodies are sent and returned as bytes (HTTPBody); the schema is not applied [-Wunsupported-body]",
            "api.yaml:23:11: warning: 'multipart/mixed' request bodies are not generated as parts; sent as bytes (HTTPBody) [-Wunsupported-body]",
        ])
        #expect(try built.operation("xml").requestBody?.kind == .binary)
        #expect(try built.operation("text").requestBody?.kind == .binary)
        #expect(try built.operation("mixed").requestBody?.kind == .binary)
        // A wildcard with an object schema: the JSON the server most likely means, as before.
        #expect(try built.operation("any").requestBody?.kind == .json)
        #expect(try built.operation("any").requestBody?.type == .named(["Event"]))
    }

    @Test func streamedResponsesAreTypedByTheirItems() throws {
        let built = try build(document("""
            /typed:
              get:
                operationId: typed
                responses:
                  '200': {description: OK, content: {text/event-stream: {schema: {$ref: '#/components/schemas/Event'}}}}
            /text:
              get:
                operationId: text
                responses:
                  '200': {description: OK, content: {text/event-stream: {schema: {type: string}}}}
            /items:
              get:
                operationId: items
                responses:
                  '200':
                    description: OK
                    content:
                      text/event-stream:
                        itemSchema:
                          type: object
                          properties:
                            data: {type: string, contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Event'}}
            /itemText:
              get:
                operationId: itemText
                responses:
                  '200':
                    description: OK
                    content: {text/event-stream: {itemSchema: {type: object, properties: {data: {type: string}, id: {type: string}}}}}
            /lines:
              get:
                operationId: lines
                responses:
                  '200': {description: OK, content: {application/x-ndjson: {schema: {$ref: '#/components/schemas/Event'}}}}
            /anyLines:
              get:
                operationId: anyLines
                responses:
                  '200': {description: OK, content: {application/jsonl: {}}}
            /sequence:
              get:
                operationId: sequence
                responses:
                  '200': {description: OK, content: {application/json-seq: {itemSchema: {$ref: '#/components/schemas/Event'}}}}
            /pdf:
              get:
                operationId: pdf
                responses:
                  '200': {description: OK, content: {application/pdf: {schema: {type: string, format: binary}}}}
            /json:
              get:
                operationId: json
                responses:
                  '200':
                    description: OK
                    content: {application/pdf: {schema: {type: string, format: binary}}, application/json: {schema: {$ref: '#/components/schemas/Event'}}}
            """))
        #expect(built.diagnostics == [])
        func success(_ id: String) throws -> IRResponse { try #require(try built.operation(id).successResponse) }
        #expect(try (success("typed").kind, success("typed").type) == (.serverSentEvents, .named(["Event"])))
        #expect(try (success("text").kind, success("text").type) == (.serverSentEvents, nil))
        #expect(try (success("items").kind, success("items").type) == (.serverSentEvents, .named(["Event"])))
        #expect(try (success("itemText").kind, success("itemText").type) == (.serverSentEvents, nil))
        #expect(try (success("lines").kind, success("lines").type) == (.jsonLines, .named(["Event"])))
        #expect(try (success("anyLines").kind, success("anyLines").type) == (.jsonLines, nil))
        #expect(try (success("sequence").kind, success("sequence").type) == (.jsonSequence, .named(["Event"])))
        #expect(try (success("pdf").kind, success("pdf").type) == (.binary, nil))
        #expect(try success("pdf").mediaTypes == ["application/pdf"])
        #expect(try (success("json").kind, success("json").type) == (.json, .named(["Event"])))
    }

    @Test func mediaTypeNamesAreReadCaseInsensitivelyWithoutParameters() throws {
        let name = try #require(MediaTypeName("Application/Problem+JSON; charset=utf-8"))
        #expect(name.description == "application/problem+json")
        #expect(name.isJSON)
        #expect(MediaTypeName("application/json-seq")?.isJSON == false)
        #expect(MediaTypeName("application/json-seq")?.isJSONSequence == true)
        #expect(MediaTypeName("TEXT/event-stream")?.isEventStream == true)
        #expect(MediaTypeName("multipart/form-data; boundary=x")?.isMultipartFormData == true)
        #expect(MediaTypeName("PDF") == nil)
        #expect(MediaTypeName("*/*")?.admitsJSON == true)
        #expect(MediaTypeName("image/*")?.isConcrete == false)
    }
}
