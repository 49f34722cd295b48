import SpindleIR
import SpindleYAML
import Testing

/// The schemes a client takes credentials for, and the environment variable of each.
@Suite struct ClientSecurityTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /health:
            get: {operationId: health, security: [], responses: {'204': {description: up}}}
          /orders:
            get: {operationId: listOrders, security: [{HeaderKey: []}, {QueryKey: []}], responses: {'204': {description: ok}}}
            post: {operationId: createOrder, security: [{HeaderKey: [], Bearer: []}], responses: {'204': {description: ok}}}
          /me:
            get: {operationId: me, security: [{OAuth: [profile]}], responses: {'204': {description: ok}}}
        components:
          securitySchemes:
            Unused: {type: http, scheme: basic}
            HeaderKey: {type: apiKey, in: header, name: X-Key}
            QueryKey: {type: apiKey, in: query, name: key}
            Bearer: {type: http, scheme: bearer}
            OAuth: {type: openIdConnect, openIdConnectUrl: 'https://id.example/.well-known/openid-configuration'}
        """

    private func config(_ text: String) throws -> VendorConfig {
        var diagnostics: [Diagnostic] = []
        let config = VendorConfig.read(try YAMLDocument.parse(text, file: "spindle.yaml"), defaultModule: "Shop") {
            diagnostics.append($0)
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(config)
    }

    /// The first operation (`health`, in order) is public: the schemes come from all of them, unused ones left out.
    @Test func everySchemeAnyOperationUses() throws {
        let built = try build(Self.spec)
        #expect(built.diagnostics == [])
        #expect(built.module.securitySchemes.map(\.name) == ["HeaderKey", "QueryKey", "Bearer", "OAuth"])
        #expect(built.module.securitySchemes.last?.kind == .openIdConnect)
        #expect(try built.operation("createOrder").securityRequirements == [["HeaderKey", "Bearer"]])
        #expect(try built.operation("health").securityRequirements == [])
    }

    @Test func environmentVariablesPerScheme() throws {
        let config = try config(
            """
            auth:
              environmentVariables:
                HeaderKey: SHOP_KEY
                OAuth: SHOP_ACCESS_TOKEN
                Unused: SHOP_PASSWORD
                Missing: SHOP_NOTHING
            """)
        let built = try build(Self.spec, config: config)
        #expect(built.module.securitySchemes.map(\.environmentVariable) == ["SHOP_KEY", nil, nil, "SHOP_ACCESS_TOKEN"])
        #expect(built.diagnostics == [
            "spindle.yaml:6:5: warning: auth.environmentVariables: no operation uses a security scheme named 'Missing'; this entry has no effect [-Wunused-config]",
            "spindle.yaml:5:5: warning: auth.environmentVariables: no operation uses a security scheme named 'Unused'; this entry has no effect [-Wunused-config]",
        ].sorted())
    }

    @Test func oneVariableForSeveralSchemesIsWarnedAbout() throws {
        let built = try build(Self.spec, config: try config("auth: {environmentVariable: SHOP_KEY}\n"))
        #expect(built.module.securitySchemes.allSatisfy { $0.environmentVariable == nil })
        #expect(built.diagnostics == [
            "spindle.yaml:1:29: warning: auth.environmentVariable names one variable, but the client takes credentials for 4 schemes ('HeaderKey', 'QueryKey', 'Bearer', 'OAuth'); name one per scheme under auth.environmentVariables; this entry has no effect [-Wunused-config]"
        ])
    }

    @Test func oneVariableServesTheOnlyScheme() throws {
        let built = try build(
            """
            openapi: 3.0.3
            info: {title: Shop, version: 1.0.0}
            security: [{Key: []}]
            paths:
              /orders: {get: {operationId: listOrders, responses: {'204': {description: ok}}}}
            components:
              securitySchemes:
                Key: {type: apiKey, in: header, name: X-Key}
            """, config: try config("auth: {environmentVariable: SHOP_KEY}\n"))
        #expect(built.diagnostics == [])
        #expect(built.module.securitySchemes.map(\.environmentVariable) == ["SHOP_KEY"])
        #expect(built.module.security == [["Key"]])
    }
}
