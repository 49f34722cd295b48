import Foundation
import SpindleGenerator
import Testing

/// A hostile `spindle.yaml`: names that would inject code or write outside the output folder are
/// refused with located errors, and nothing at all is written.
extension Robustness {
@Suite struct ConfigRobustnessTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: 1.0.0}
        paths:
          /pets:
            get:
              operationId: listPets
              responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}
        components:
          schemas:
            Pet: {type: object, properties: {name: {type: string}}}

        """

    /// Every file and folder below the run's temporary folder other than the spec folder.
    static func everythingWritten(_ generation: Generation) -> [String] {
        let temporary = (generation.specFolder as NSString).deletingLastPathComponent
        let enumerator = FileManager.default.enumerator(atPath: temporary)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if !path.hasPrefix("shop") && path != "out" { result.append(path) }
        }
        return result.sorted()
    }

    /// Code injection through each name-like key: each is an error at the value, and no file holds the marker.
    @Test(arguments: [
        ("naming: {operations: {listPets: 'x() {}; func pwned() { }; func get'}}", "spindle.yaml:1:33: error: operation name"),
        ("naming: {types: {Pet: 'Pet {}; func pwned() {}; struct P'}}", "spindle.yaml:1:23: error: type name"),
        ("client: 'ShopClient {}; func pwned() {}; struct C'", "spindle.yaml:1:9: error: 'client'"),
        ("module: 'Shop; func pwned() {}'", "spindle.yaml:1:9: error: 'module'"),
        ("auth: {environmentVariable: 'KEY\"); pwned(); _ = (\"'}", "spindle.yaml:1:29: error: 'environmentVariable'"),
        ("client: \"Shop\\nClient\"", "spindle.yaml:1:9: error: 'client' 'Shop\\nClient' is not a Swift identifier"),
    ])
    func injectionThroughTheConfigIsRefused(_ config: String, _ expected: String) async throws {
        let generation = try await generate(files: ["openapi.yaml": Array(Self.spec.utf8), "spindle.yaml": Array(config.utf8)])
        #expect(!generation.succeeded)
        #expect(generation.errors.count == 1)
        #expect(generation.errors.first?.hasPrefix(expected) == true, "\(generation.errors)")
        #expect(generation.files.isEmpty)
        #expect(!generation.files.contains { $0.contents.contains("pwned") })
        #expect(Self.everythingWritten(generation) == [])
    }

    /// `module`, `client` and `naming.types` values climbing out of `--output`: all three reported in one
    /// run, and nothing is written, inside the output folder or beside it.
    @Test func pathEscapesThroughTheConfigAreRefused() async throws {
        let config = """
            module: ../escaped
            client: ../../escaped
            naming:
              types: {Pet: ../../../escaped}
            """
        let generation = try await generate(files: ["openapi.yaml": Array(Self.spec.utf8), "spindle.yaml": Array(config.utf8)])
        #expect(generation.errors.map { String($0.prefix(while: { $0 != " " })) } == [
            "spindle.yaml:1:9:", "spindle.yaml:2:9:", "spindle.yaml:4:16:",
        ])
        #expect(generation.files.isEmpty)
        #expect(Self.everythingWritten(generation) == [])
    }

    /// The names the checks accept still generate code that compiles: Unicode identifiers, keywords as
    /// resource and method names (backquoted), a dropped suffix that would leave `_`.
    @Test func acceptedConfigNamesTypeCheck() async throws {
        let spec = Self.spec.replacingOccurrences(of: "Pet: {type", with: "Pet: {type: object, properties: {a: {$ref: '#/components/schemas/_2fa'}}}\n    _2fa: {type")
        let config = """
            module: Épicerie
            client: ÉpicerieAPI
            auth: {environmentVariable: SHOP_KEY}
            naming:
              dropSuffixes: [2fa]
              types: {Pet: Animal}
              operations: {listPets: default.class.init}
            """
        let generation = try await generate(files: ["openapi.yaml": Array(spec.utf8), "spindle.yaml": Array(config.utf8)])
        #expect(generation.diagnostics == [])
        #expect(generation.writtenFiles().contains("Épicerie/ÉpicerieAPI.swift"))
        #expect(generation.writtenFiles().contains("Épicerie/Types/Animal.swift"))
        #expect(generation.writtenFiles().contains("Épicerie/Types/_2fa.swift"))
        let errors = try await TypeCheck.errors(in: generation.files, module: "Épicerie")
        #expect(errors == nil)
    }

    /// Regression: a 240-character module name passed every check, then failed writing its output folder
    /// (the staging folder beside it is longer still) with an unlocated `NSCocoaErrorDomain Code=514`. The
    /// name is refused at `module:`, before anything is written; 128 bytes is the most it may have.
    @Test func aModuleNameTooLongForAFolderIsRefusedWhereItIsWritten() async throws {
        let spec = Array(Self.spec.utf8)
        let long = try await generate(files: ["openapi.yaml": spec, "spindle.yaml": Array("module: \(String(repeating: "M", count: 240))\n".utf8)])
        #expect(long.errors == [
            "spindle.yaml:1:9: error: 'module' 'MMMMMMMMMMMMMMMMMMMMMMMM…' is 240 bytes long; it names the output folder, so the limit is 128"
        ])
        #expect(Self.everythingWritten(long) == [])
        // Bytes, not characters: 65 two-byte letters are 130 bytes.
        let wide = try await generate(files: ["openapi.yaml": spec, "spindle.yaml": Array("module: \(String(repeating: "É", count: 65))\n".utf8)])
        #expect(wide.errors.first?.hasPrefix("spindle.yaml:1:9: error: 'module' 'ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ…' is 130 bytes long") == true)
        let longest = String(repeating: "M", count: 128)
        let fits = try await generate(files: ["openapi.yaml": spec, "spindle.yaml": Array("module: \(longest)\n".utf8)])
        #expect(fits.diagnostics == [])
        #expect(fits.writtenFiles().contains("\(longest)/Types/Pet.swift"))
    }

    /// The module name a folder's name gives (without `module:`) is checked the same way, at the folder's
    /// first document.
    @Test func aFolderNameTooLongForAModuleIsLocated() async throws {
        let folder = try RepositoryPaths.temporaryFolder() + "/" + String(repeating: "x", count: 200)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.spec.write(toFile: folder + "/openapi.yaml", atomically: true, encoding: .utf8)
        let output = await runOffThePool { VendorGenerator(specPath: folder).run() }
        #expect(output.diagnostics.map(\.description) == [
            folder + "/openapi.yaml:1:1: error: the module name from the folder name 'Xxxxxxxxxxxxxxxxxxxxxxxx…' is 200 bytes long; it names the output folder, so the limit is 128; set 'module:' in spindle.yaml"
        ])
        #expect(output.files.isEmpty)
    }
}
}
