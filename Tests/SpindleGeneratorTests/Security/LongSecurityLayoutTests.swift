import Foundation
import SpindleGenerator
import Testing

/// Requirements and fixed queries too long for one line are laid out as swift-format wants them (the
/// generated code must pass `swift format lint --strict`). Regression: a wrapped operation requirement
/// was indented 4 columns too far.
@Suite struct LongSecurityLayoutTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Long, version: "1"}
        security: [{a_rather_long_scheme_name_one: []}, {a_rather_long_scheme_name_two: []}, {a_rather_long_scheme_name_three: []}]
        paths:
          /items/{id}?a_really_long_feature_flag_name=a_really_really_long_value_that_goes_on_and_on_and_on_forever_and_ever:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getItemFlagged
              security: [{a_rather_long_scheme_name_one: [], a_rather_long_scheme_name_two: []}, {a_rather_long_scheme_name_three: []}]
              responses: {'204': {description: ok}}
          /items/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get: {operationId: getItem, responses: {'204': {description: ok}}}
        components:
          securitySchemes:
            a_rather_long_scheme_name_one: {type: apiKey, in: header, name: X-One}
            a_rather_long_scheme_name_two: {type: apiKey, in: query, name: two}
            a_rather_long_scheme_name_three: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x/token', scopes: {}}}}
        """

    @Test func wrappedRequirementsAndQueriesPassSwiftFormat() async throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "module: Long\n".write(toFile: folder + "/spindle.yaml", atomically: true, encoding: .utf8)
        try Self.spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        let output = VendorGenerator(specPath: folder + "/openapi.yaml").run()
        try #require(output.succeeded, "\(output.diagnostics)")
        try OutputDirectory(path: folder + "/Long").replace(with: output.files)
        let items = try String(contentsOfFile: folder + "/Long/Resources/ItemsAPI.swift", encoding: .utf8)
        #expect(items.contains("""
                    request.securityRequirements = [
                        ["a_rather_long_scheme_name_one", "a_rather_long_scheme_name_two"],
                        ["a_rather_long_scheme_name_three"],
                    ]
                    request.addQuery(
                        "a_really_long_feature_flag_name",
                        "a_really_really_long_value_that_goes_on_and_on_and_on_forever_and_ever"
                    )
            """))
        let lint = try await run(
            "swift", ["format", "lint", "--strict", "--configuration", RepositoryPaths.root + "/.swift-format", "--recursive", folder + "/Long"])
        #expect(lint.status == 0, "\(lint.standardError)")
    }
}
