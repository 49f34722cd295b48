import Foundation
import SpindleGenerator
import Testing

/// The API surface names every public declaration of the generated code, so that no change to what an
/// app can name escapes the bump report. The golden modules, built for this test run, are read back
/// with the compiler's `swift-symbolgraph-extract` and compared with their `spindle-surface.json`.
@Suite struct APISurfaceDeclarationTests {
    /// The public declarations of a built module, as symbol paths (`Widget.init(from:)`), leaving out what
    /// the compiler synthesizes (`==`, `hash(into:)`) and protocol extensions provide (`isKnown`).
    static func publicDeclarations(of module: String, in folder: String? = nil) async throws -> Set<String> {
        let output = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await run(
            "swift-symbolgraph-extract",
            // At `public`, the tool leaves out names with a leading underscore (deprecated types are declared so).
            ["-module-name", module, "-I", try folder ?? BuildProducts.modules(), "-I", try BuildProducts.modules(), "-output-dir", output,
             "-minimum-access-level", "internal"])
        try #require(result.status == 0, "swift-symbolgraph-extract failed: \(result.standardError)")
        let graph = try JSONDecoder().decode(SymbolGraph.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/\(module).symbols.json")))
        // Extensions of other modules' types would land in `<module>@<other>.symbols.json`: generated code has none.
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(files == ["\(module).symbols.json"], "symbol graphs of extensions: \(files)")
        let declared = graph.symbols.filter { $0.accessLevel == "public" && !$0.identifier.precise.contains("::SYNTHESIZED::") }
        return Set(declared.map { $0.pathComponents.joined(separator: ".") })
    }

    struct SymbolGraph: Decodable {
        struct Symbol: Decodable {
            struct Identifier: Decodable { var precise: String }
            var identifier: Identifier
            var pathComponents: [String]
            var accessLevel: String
        }
        var symbols: [Symbol]
    }

    @Test(arguments: [("Constructs", RepositoryPaths.constructsOutput), ("Collisions", RepositoryPaths.collisionsOutput)])
    func surfaceNamesEveryPublicDeclaration(module: String, folder: String) async throws {
        let surface = try #require(APISurface.stored(in: folder))
        let declared = try await Self.publicDeclarations(of: module)
        let recorded = surface.declarations
        #expect(declared.subtracting(recorded).sorted() == [], "public declarations missing from \(module)'s spindle-surface.json")
        #expect(recorded.subtracting(declared).sorted() == [], "\(module)'s spindle-surface.json names declarations the module does not have")
    }

    /// The golden modules have what the surface must cover: pagination helpers, error bodies, aliases of
    /// repeated shapes, deprecated operations, parameters, properties and types, and a renamed type.
    @Test func goldenModulesHaveEveryKindOfDeclaration() throws {
        let surface = try #require(APISurface.stored(in: RepositoryPaths.constructsOutput))
        let declarations = surface.declarations
        for expected in [
            "ConstructsClient.WidgetsAPI.listPages(cursor:limit:tags:filter:xRequestId:options:)",
            "ConstructsClient.WidgetsAPI.listAll(cursor:limit:tags:filter:xRequestId:sort:options:)",
            "ConstructsErrorBody.errorDto(_:)", "WidgetsLabelsUpdateRequest", "Gizmo", "_Gizmo.Mode", "Widget.legacyCode", "Tag",
            "ConstructsClient.init(token:serverURL:configuration:)",
        ] {
            #expect(declarations.contains(expected), "no \(expected)")
        }
        #expect(surface.types["WidgetsLabelsUpdateRequest"]?.declaredAs == "WidgetsLabelsCreateRequest")
        #expect(surface.types["Tag"]?.renamed == true)
        #expect(surface.operations["gizmos.list"]?.deprecated == "Gizmos are widgets now; use widgets.list.")
    }
}
