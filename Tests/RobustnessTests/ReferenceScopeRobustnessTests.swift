import Foundation
import SpindleGenerator
import Testing

/// `$ref`s read files inside the spec's folder only (or the `--spec-root` folder): a spec cannot put
/// a file of the machine that generates from it into the generated API (issue #28).
extension Robustness {
@Suite struct ReferenceScopeRobustnessTests {
    /// A file beside the spec folder, `<tmp>/outside/secret.yaml`, whose text must never reach the output.
    static let secret: [String: [UInt8]] = [
        "../outside/secret.yaml": Array("Secret: {type: string, enum: [TOP-SECRET-TEXT]}\n".utf8),
        "../outside/api.yaml": Array(document(schemas: "Leak: {type: string, enum: [TOP-SECRET-TEXT]}").utf8),
    ]

    /// Links in the spec folder that lead out of it: to a file, and through a folder.
    static let links = ["link.yaml": "../outside/secret.yaml", "sub/dirlink": "../../outside"]

    static func spec(_ references: [String]) -> [UInt8] {
        let properties = references.enumerated().map { "    p\($0.offset): {$ref: '\($0.element)'}" }.joined(separator: "\n")
        return Array(document(schemas: "Pet:\n  type: object\n  properties:\n" + properties).utf8)
    }

    /// Whether the secret file's text is in any generated file.
    static func leaks(_ generation: Generation) -> Bool {
        generation.files.contains { $0.contents.contains("TOP-SECRET-TEXT") }
    }

    /// Diagnostics with the temporary folder left out of messages too (the spec folder is named in them).
    static func diagnostics(_ generation: Generation) -> [String] {
        let temporary = (generation.specFolder as NSString).deletingLastPathComponent
        return generation.diagnostics.map { $0.replacingOccurrences(of: temporary + "/", with: "") }
    }

    /// Regression: every one of these was read, and `TOP-SECRET-TEXT` became a doc comment of `Pet`.
    @Test func referencesOutsideTheSpecFolderAreLocatedErrors() async throws {
        let generation = try await generate(
            files: Self.secret.merging(
                [
                    "openapi.yaml": Self.spec([
                        "../../../../../../../../etc/passwd", "/proc/self/environ", "../outside/secret.yaml#/Secret",
                        "link.yaml#/Secret", "sub/dirlink/secret.yaml#/Secret", "%2e%2e/outside/secret.yaml#/Secret",
                        "sub/../../outside/secret.yaml#/Secret", "//etc/passwd", "local.yaml#/Local",
                    ]),
                    "local.yaml": Array("Local: {type: string, description: fine}\n".utf8),
                ]) { $1 },
            links: Self.links)
        let outside = "leads outside the spec folder 'shop'"
        let optOut = "allow it with --spec-root DIR, --allow-external-refs or 'allowExternalRefs: true' in spindle.yaml"
        #expect(Self.diagnostics(generation) == [
            "openapi.yaml:10:20: error: reference '../../../../../../../../etc/passwd' \(outside); \(optOut)",
            "openapi.yaml:11:20: error: reference '/proc/self/environ' \(outside); \(optOut)",
            "openapi.yaml:12:20: error: reference '../outside/secret.yaml#/Secret' \(outside); \(optOut)",
            "openapi.yaml:13:20: error: reference 'link.yaml#/Secret' \(outside) through a symbolic link; \(optOut)",
            "openapi.yaml:14:20: error: reference 'sub/dirlink/secret.yaml#/Secret' \(outside) through a symbolic link; \(optOut)",
            "openapi.yaml:15:20: error: reference '%2e%2e/outside/secret.yaml#/Secret' \(outside); \(optOut)",
            "openapi.yaml:16:20: error: reference 'sub/../../outside/secret.yaml#/Secret' \(outside); \(optOut)",
            "openapi.yaml:17:20: error: reference '//etc/passwd' \(outside); \(optOut)",
        ])
        #expect(!Self.leaks(generation))
        #expect(generation.writtenFiles() == [])
    }

    /// `--spec-root` widens the scope to a folder, `--allow-external-refs` and `allowExternalRefs: true`
    /// lift it: the same references then read the file (which shows that the scope is what stopped them).
    @Test func specRootAndTheOptOutsLetReferencesOut() async throws {
        let references = ["../outside/secret.yaml#/Secret", "link.yaml#/Secret", "sub/dirlink/secret.yaml#/Secret"]
        let files = Self.secret.merging(["openapi.yaml": Self.spec(references)]) { $1 }

        let widened = try await generate(files: files, links: Self.links, specRoot: ".")
        #expect(widened.diagnostics == [])
        #expect(Self.leaks(widened))
        // Wider, but not everything: /etc stays out.
        let etc = try await generate(files: ["openapi.yaml": Self.spec(["/etc/hostname"])], specRoot: ".")
        #expect(Self.diagnostics(etc) == [
            "openapi.yaml:10:20: error: reference '/etc/hostname' leads outside the spec folders 'shop' and '.'; allow it with --spec-root DIR, --allow-external-refs or 'allowExternalRefs: true' in spindle.yaml"
        ])

        let flag = try await generate(files: files, links: Self.links, allowsExternalReferences: true)
        #expect(flag.diagnostics == [])
        #expect(Self.leaks(flag))

        let config = try await generate(files: files.merging(["spindle.yaml": Array("allowExternalRefs: true\n".utf8)]) { $1 }, links: Self.links)
        #expect(config.diagnostics == [])
        #expect(Self.leaks(config))

        let refused = try await generate(files: files.merging(["spindle.yaml": Array("allowExternalRefs: yes please\n".utf8)]) { $1 })
        #expect(refused.errors.contains("spindle.yaml:1:20: error: 'allowExternalRefs' must be true or false"))
        #expect(!refused.succeeded)
    }

    /// Remote references are never fetched, whatever the options: they stay located errors.
    @Test func remoteReferencesAreNeverFetched() async throws {
        let generation = try await generate(
            files: ["openapi.yaml": Self.spec(["https://example.com/a.yaml#/A", "http://127.0.0.1:9/b.yaml", "file:///etc/passwd"])],
            allowsExternalReferences: true)
        let advice = "is not supported; download the file and refer to it by a relative path"
        #expect(generation.diagnostics == [
            "openapi.yaml:10:20: error: remote reference 'https://example.com/a.yaml#/A' \(advice)",
            "openapi.yaml:11:20: error: remote reference 'http://127.0.0.1:9/b.yaml' \(advice)",
            "openapi.yaml:12:20: error: remote reference 'file:///etc/passwd' \(advice)",
        ])
    }

    /// A document of a vendor folder that is a link to a file outside it is not read either.
    @Test func aFolderDocumentThatLinksOutIsNotRead() async throws {
        let generation = try await generate(
            files: Self.secret.merging(["openapi.yaml": Array(document().utf8)]) { $1 }, root: "",
            links: ["leak.yaml": "../outside/api.yaml"])
        #expect(Self.diagnostics(generation) == [
            "leak.yaml:1:1: error: this file is not read: it leads outside the spec folder 'shop' through a symbolic link; allow it with --spec-root DIR, --allow-external-refs or 'allowExternalRefs: true' in spindle.yaml"
        ])
        #expect(generation.writtenFiles() == [])
    }

    /// The mock server serves what examples refer to: only files of the spec's folder.
    @Test func theMockServerReadsOnlyTheSpecFolder() throws {
        let temporary = try RepositoryPaths.temporaryFolder()
        try FileManager.default.createDirectory(atPath: temporary + "/shop", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: temporary + "/outside", withIntermediateDirectories: true)
        try "Secret: {value: TOP-SECRET-TEXT}\n".write(toFile: temporary + "/outside/secret.yaml", atomically: true, encoding: .utf8)
        let paths = """
            /pets:
              get:
                responses:
                  '200':
                    description: ok
                    content: {application/json: {examples: {leak: {$ref: '../outside/secret.yaml#/Secret'}}}}
            """
        try document(paths: paths).write(toFile: temporary + "/shop/openapi.yaml", atomically: true, encoding: .utf8)
        #expect {
            try MockAPI.load(temporary + "/shop")
        } throws: { error in
            (error as? MockLoadError)?.description.hasPrefix(
                temporary + "/shop/openapi.yaml:9:64: error: reference '../outside/secret.yaml#/Secret' leads outside the spec folder") == true
        }
    }
}
}
