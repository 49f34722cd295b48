import Foundation
import SpindleGenerator
import SpindleIR
import Testing

/// Generating the constructs spec reproduces the checked-in module byte for byte.
///
/// After an intended change to the emitters or templates, refresh the expected output with
/// `swift run spindle generate --specs Tests/GoldenSpecs --output Tests/GoldenOutput` and review the diff.
@Suite struct GoldenOutputTests {
    func generate() throws -> [GeneratedFile] {
        // As `spindle generate` does: the stored surface keeps names, and the previous name of the renamed `WidgetTag`.
        let output = VendorGenerator(specPath: RepositoryPaths.constructsSpec) { _ in
            APISurface.stored(in: RepositoryPaths.constructsOutput)
        }.run()
        #expect(output.succeeded, "\(output.diagnostics)")
        return output.files
    }

    @Test func reproducesTheCheckedInModule() throws {
        let files = try generate()
        let changes = OutputDirectory(path: RepositoryPaths.constructsOutput).changes(for: files)
        #expect(changes.isEmpty, "stale golden files: \(changes.all); regenerate and review them")
        #expect(files.count > 15)
    }

    /// The collisions spec generates without a diagnostic and reproduces its checked-in module (which the
    /// `Collisions` target compiles).
    @Test func reproducesTheCollisionsModule() throws {
        let output = VendorGenerator(specPath: RepositoryPaths.collisionsSpec) { _ in
            APISurface.stored(in: RepositoryPaths.collisionsOutput)
        }.run()
        #expect(output.succeeded && output.diagnostics.isEmpty, "\(output.diagnostics)")
        let changes = OutputDirectory(path: RepositoryPaths.collisionsOutput).changes(for: output.files)
        #expect(changes.isEmpty, "stale golden files: \(changes.all); regenerate and review them")
    }

    /// The bodies spec (every kind of body) generates without a diagnostic and reproduces its checked-in
    /// module (which the `Bodies` target compiles and `VendorClientTests` runs over loopback).
    @Test func reproducesTheBodiesModule() throws {
        let output = VendorGenerator(specPath: RepositoryPaths.bodiesSpec) { _ in
            APISurface.stored(in: RepositoryPaths.bodiesOutput)?.names ?? .init()
        }.run()
        #expect(output.succeeded && output.diagnostics.isEmpty, "\(output.diagnostics)")
        let changes = OutputDirectory(path: RepositoryPaths.bodiesOutput).changes(for: output.files)
        #expect(changes.isEmpty, "stale golden files: \(changes.all); regenerate and review them")
    }

    /// The locksmith spec (security in every combination) generates without a diagnostic and reproduces its
    /// checked-in module, whose client takes a credential for each of the four schemes its operations use
    /// (not only those of the first operation, which is public).
    @Test func reproducesTheLocksmithModule() throws {
        let output = VendorGenerator(specPath: RepositoryPaths.locksmithSpec) { _ in
            APISurface.stored(in: RepositoryPaths.locksmithOutput)?.names ?? .init()
        }.run()
        #expect(output.succeeded && output.diagnostics.isEmpty, "\(output.diagnostics)")
        let changes = OutputDirectory(path: RepositoryPaths.locksmithOutput).changes(for: output.files)
        #expect(changes.isEmpty, "stale golden files: \(changes.all); regenerate and review them")
        let module = try #require(output.module)
        #expect(module.securitySchemes.map(\.name) == ["headerKey", "queryKey", "bearerAuth", "oauth"])
    }

    /// The annotated `allOf`s and the `propertyNames` that narrow nothing once cost a warning each
    /// and typed their properties as free-form JSON.
    @Test func annotatedAllOfsAndPropertyNamesGenerateWithoutWarnings() throws {
        let output = VendorGenerator(specPath: RepositoryPaths.constructsSpec).run()
        #expect(output.diagnostics.map(\.description) == [])
        let types = try #require(output.module).types
        let listing = try #require(types.first { $0.name == "Listing" })
        guard case .object(let object) = listing.kind else {
            Issue.record("Listing is \(listing.kind)")
            return
        }
        #expect(object.properties.map(\.type) == [
            .named(["Currency"]), .named(["Timestamped"]), .named(["Token"]), .named(["Price"]), .map(.string),
            .map(.integer(bits: nil)),
        ])
        #expect(object.properties.map(\.presence) == [.required, .requiredNullable, .optional, .optional, .optional, .optional])
        for (name, target) in [("Token", ["TokenString"]), ("Price", ["Currency"])] {
            let type = try #require(types.first { $0.name == name })
            guard case .alias(.named(target)) = type.kind else {
                Issue.record("\(name) is \(type.kind), not an alias of \(target)")
                continue
            }
        }
    }

    /// The surface names the error-body enum apart from the emitter; both must name the enum the
    /// generated code declares, or `spindle diff` would report changes to a type nobody can see.
    @Test func surfaceRecordsTheDeclaredErrorBodyEnum() throws {
        let files = try generate()
        let surfaceFile = try #require(files.first { $0.path == APISurface.fileName })
        let surface = try JSONDecoder().decode(APISurface.self, from: Data(surfaceFile.contents.utf8))
        let errorBody = try #require(surface.errorBody)
        let errors = try #require(files.first { $0.path == "ConstructsError.swift" }).contents
        #expect(errors.contains("public enum \(errorBody.name): Sendable, Hashable {"))
        #expect(!errorBody.cases.isEmpty)
        for (name, type) in errorBody.cases {
            #expect(errors.contains("    case \(name)(\(type))"), "no case \(name)(\(type)) in ConstructsError.swift")
        }
    }

    @Test func isDeterministic() throws {
        #expect(try generate() == (try generate()))
    }

    @Test func embeddedTemplatesMatchTemplatesFolder() throws {
        let expected = EmbeddedTemplatesWriter.source(for: try TemplateSet.read(directory: RepositoryPaths.templates))
        let actual = try String(contentsOfFile: RepositoryPaths.root + "/Sources/SpindleGenerator/EmbeddedTemplates.swift", encoding: .utf8)
        #expect(actual == expected, "run `swift run spindle embed-templates`")
    }
}

/// User templates override ours file by file.
@Suite struct TemplateOverrideTests {
    @Test func overridingOneTemplateChangesOnlyWhatItRenders() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "// Custom header for {{title}}\n".write(toFile: folder + "/header.mustache", atomically: true, encoding: .utf8)
        let templates = try TemplateSet.builtIn.overriding(with: folder)
        let output = VendorGenerator(specPath: RepositoryPaths.constructsSpec, templates: templates).run()
        let widget = try #require(output.files.first { $0.path == "Types/Widget.swift" })
        #expect(widget.contents.hasPrefix("// Custom header for Constructs\n"))
        #expect(widget.contents.contains("public struct Widget: Codable, Hashable, Sendable"))
    }

    @Test func aFileThatOverridesNothingIsAnError() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x".write(toFile: folder + "/heder.mustache", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try TemplateSet.builtIn.overriding(with: folder) }
    }
}
