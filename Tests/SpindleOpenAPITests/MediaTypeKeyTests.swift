@testable import SpindleOpenAPI
import Testing

/// `content` keys that are not media types are kept, with a located warning.
@Suite struct MediaTypeKeyTests {
    @Test func keysThatAreNotMediaTypesWarnWhereTheyAreWritten() throws {
        let loaded = load("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /report:
                post:
                  requestBody:
                    content:
                      application/json; charset=utf-8: {schema: {type: object}}
                      examples: {}
                  responses:
                    '200':
                      description: The report.
                      content:
                        PDF: {schema: {type: string, format: binary}}
                        '*': {}
                        '*/*': {}
                        text/*: {}
                        application/vnd.api+json: {}
                        'application /json': {}
                        application/: {}
            """)
        #expect(loaded.diagnostics == [
            "api.yaml:9:11: warning: content key 'examples' is not a media type (type/subtype) [-Winvalid-media-type]",
            "api.yaml:14:13: warning: content key 'PDF' is not a media type (type/subtype) [-Winvalid-media-type]",
            "api.yaml:15:13: warning: content key '*' is not a media type (type/subtype) [-Winvalid-media-type]",
            "api.yaml:19:13: warning: content key 'application /json' is not a media type (type/subtype) [-Winvalid-media-type]",
            "api.yaml:20:13: warning: content key 'application/' is not a media type (type/subtype) [-Winvalid-media-type]",
        ])
        let operation = try #require(loaded.api?.operations.first)
        #expect(operation.requestBody?.content.map(\.contentType) == ["application/json; charset=utf-8", "examples"])
        #expect(operation.responses.first?.content.count == 7)
    }

    @Test(arguments: [
        "application/json", "application/json;charset=utf-8", "  text/plain ", "multipart/form-data; boundary=x",
        "*/*", "image/*", "application/vnd.github.v3+json", "application/x-www-form-urlencoded",
    ])
    func mediaTypesAreAccepted(_ text: String) {
        #expect(isMediaType(text))
    }
}
