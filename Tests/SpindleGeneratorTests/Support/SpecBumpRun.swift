import Foundation
import SpindleGenerator
import Testing

/// A spec bump taken as a user takes it, with the built `spindle` tool in a fresh folder: the vendor folder
/// `specs/shop` holds the old spec and is generated into `out/`; `spindle diff old new` judges the bump
/// (the old and new vendor folders are `old/` and `new/`); then `specs/shop` gets the new files and
/// `spindle generate --changelog CHANGELOG.md` regenerates, printing its report.
struct SpecBumpRun {
    /// The folder everything happens in.
    let root: String
    /// `spindle diff old new --output out`, run before regenerating.
    let diff: ProcessResult
    /// The regeneration.
    let generate: ProcessResult
    /// The generated module before the bump (a copy) and after it.
    let before: String
    let after: String

    /// What the regeneration printed before its summary line (which has a timing).
    var report: String {
        var lines = generate.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        if !lines.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The changelog the regeneration wrote.
    var changelog: String { (try? String(contentsOfFile: root + "/CHANGELOG.md", encoding: .utf8)) ?? "" }

    /// Runs the bump from `old` to `new` (file name -> contents, a spec and usually `spindle.yaml`), diffing
    /// with `diffArguments` (default: the two vendor folders) and regenerating with `generateArguments` added;
    /// `prepare` may add files to the folder first.
    static func run(
        old: [String: String], new: [String: String], module: String = "Shop", diffArguments: [String] = ["old", "new"],
        generateArguments: [String] = ["--date", "2025-06-01"], prepare: (String) throws -> Void = { _ in }
    ) async throws -> SpecBumpRun {
        let root = try RepositoryPaths.temporaryFolder()
        try write(old, to: root + "/old")
        try write(new, to: root + "/new")
        try write(old, to: root + "/specs/shop")
        try prepare(root)
        let spindle = try BuildProducts.spindle()
        let first = try await SpindleGeneratorTests.run(spindle, ["generate", "--specs", "specs", "--output", "out"], in: root)
        try #require(first.status == 0, "generating the old spec failed:\n\(first.standardError)")
        let diff = try await SpindleGeneratorTests.run(spindle, ["diff"] + diffArguments + ["--output", "out"], in: root)
        let before = root + "/before/" + module
        try FileManager.default.createDirectory(atPath: root + "/before", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/out/" + module, toPath: before)
        try FileManager.default.removeItem(atPath: root + "/specs/shop")
        try write(new, to: root + "/specs/shop")
        let generate = try await SpindleGeneratorTests.run(
            spindle, ["generate", "--specs", "specs", "--output", "out", "--changelog", "CHANGELOG.md"] + generateArguments, in: root)
        try #require(generate.status == 0, "generating the new spec failed:\n\(generate.standardError)")
        return SpecBumpRun(root: root, diff: diff, generate: generate, before: before, after: root + "/out/" + module)
    }

    private static func write(_ files: [String: String], to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, contents) in files { try contents.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }

    /// Checks what every bump must do: `diff` printed exactly the regeneration's report, and exited with 2
    /// exactly when the report counts a source-breaking change.
    func expectDiffMatchesGenerate(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(diff.standardOutput == report + "\n", "diff:\n\(diff.standardOutput)\ngenerate:\n\(report)", sourceLocation: sourceLocation)
        let breaking = !report.contains("(0 source-breaking")
        #expect(diff.status == (breaking ? 2 : 0), "\(diff.standardError)", sourceLocation: sourceLocation)
    }

    /// The changes the regeneration reported, read back from the surfaces it compared.
    func changes() throws -> [APIChange] {
        let old = try #require(APISurface.stored(in: before))
        let new = try #require(APISurface.stored(in: after))
        return new.changes(from: old)
    }

    /// Type-checks `app` against the module before and after the bump (each emitted with warnings as errors).
    func compile(_ app: String, module: String = "Shop") async throws -> (before: ProcessResult, after: ProcessResult) {
        let old = try await SwiftCompiler.emitModule(named: module, from: before)
        let new = try await SwiftCompiler.emitModule(named: module, from: after)
        return (try await SwiftCompiler.typecheck(app: app, against: [old]), try await SwiftCompiler.typecheck(app: app, against: [new]))
    }
}
