import ArgumentParser
import Foundation
import SpindleGenerator
import SpindleIR
import SpindleYAML

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate (or check) Swift clients for the vendors under specs/.",
        discussion: """
            With no options, every folder in specs/ is a vendor: its OpenAPI documents are merged \
            into one API and written to Generated/<Module>/. Output is replaced only after every \
            vendor generated without errors, so a failed run leaves Generated/ untouched.

            Diagnostics go to standard error as `file:line:column: error: message`; a warning ends \
            with its kind, `[-Wkind]`. After them a summary line counts the warnings by kind: \
            `warning summary: 138 property-names (silenced), 12 allof-non-object; 150 warnings, 138 silenced`. \
            --quiet-warnings KIND (or `quietWarnings: [KIND]` in a vendor's spindle.yaml) stops \
            printing a kind; silenced warnings are still counted in the summary.
            Exit status: 0 on success, 1 on spec errors or (with --check) stale output.

            Warning kinds:
            \(DiagnosticKind.all.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))
            """
    )

    @Option(help: "Generate only this vendor folder under specs/.")
    var vendor: String?

    @Option(help: ArgumentHelp("Generate from this spec file or folder instead of specs/.", valueName: "path"))
    var spec: String?

    @Option(help: ArgumentHelp("The folder that receives one subfolder per module.", valueName: "dir"))
    var output: String = "Generated"

    @Option(help: ArgumentHelp("A folder of .mustache files that override Spindle's templates by name.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("The vendor config file (default: spindle.yaml beside the spec).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The folder of vendor folders.", valueName: "dir"))
    var specs: String = "specs"

    @Option(
        name: .customLong("quiet-warnings"),
        help: ArgumentHelp("Do not print warnings of this kind (repeatable); they still count in the summary.", valueName: "kind"))
    var quietWarnings: [String] = []

    @OptionGroup var references: ReferenceOptions

    @Flag(help: "Write nothing; exit 1 and list the files that would change when the output is stale.")
    var check = false

    @Option(
        help: ArgumentHelp(
            "Prepend a Markdown section per regenerated module to this file: versions, date, and the breaking, deprecated and additive changes.",
            valueName: "file"))
    var changelog: String?

    @Option(
        help: ArgumentHelp(
            "The date of the changelog sections (YYYY-MM-DD); without it, the spec's version when that is a date, else none.",
            valueName: "date"))
    var date: String?

    func validate() throws {
        for name in quietWarnings where DiagnosticKind(rawValue: name) == nil {
            throw ValidationError(
                "unknown warning kind '\(name)'; expected one of \(DiagnosticKind.all.map(\.rawValue).joined(separator: ", "))")
        }
        if check && changelog != nil { throw ValidationError("--changelog writes a file; it cannot go with --check") }
        if let date, !SpecBump.isDate(date) { throw ValidationError("--date must be a date written YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        shareOneMallocHeapAcrossThreads()
        let start = ContinuousClock.now
        var templateSet = TemplateSet.builtIn
        if let templates {
            do {
                templateSet = try templateSet.overriding(with: templates)
            } catch {
                printError("error: \(error)")
                throw ExitCode.failure
            }
        }
        let jobs = try vendorJobs()
        var results: [(job: String, output: VendorGenerator.Output)] = []
        var failed = false
        var warnings = WarningTally(quiet: Set(quietWarnings.compactMap(DiagnosticKind.init(rawValue:))))
        for job in jobs {
            let output = self.output
            let result = VendorGenerator(
                specPath: job, configPath: config, templates: templateSet, specRoot: references.specRoot,
                allowsExternalReferences: references.allowExternalRefs
            ) { module in
                APISurface.stored(in: output + "/" + module)
            }.run()
            for diagnostic in warnings.shown(result.diagnostics, quieting: result.quietWarnings) { printError(diagnostic.description) }
            failed = failed || !result.succeeded
            results.append((job, result))
        }
        if let line = warnings.summary { printError(line) }
        if failed {
            printError("error: generation failed; nothing was written")
            throw ExitCode.failure
        }

        var changedFiles = 0
        var stale: [String] = []
        var changelogSections: [String] = []
        for (_, result) in results {
            guard let module = result.module, let surface = result.surface else { continue }
            let directory = OutputDirectory(path: output + "/" + module.moduleName)
            let changes = directory.changes(for: result.files)
            changedFiles += changes.all.count
            if check {
                stale += changes.all.map { "\(directory.path)/\($0)" }
            } else if !changes.isEmpty {
                let before = APISurface.stored(in: directory.path)
                try directory.replace(with: result.files, changes: changes)
                // `spindle diff` prints the same report for the same two surfaces.
                if let before {
                    let bump = SpecBump(from: before, to: surface)
                    print(bump.report)
                    changelogSections.append(bump.changelogSection(date: date ?? SpecBump.date(inVersion: surface.version)))
                }
            }
        }
        if let changelog, !changelogSections.isEmpty {
            do {
                // A file that is there but cannot be read is an error, never something to overwrite.
                let existing = FileManager.default.fileExists(atPath: changelog) ? try String(contentsOfFile: changelog, encoding: .utf8) : ""
                try Changelog.prepending(changelogSections, to: existing).write(toFile: changelog, atomically: true, encoding: .utf8)
            } catch {
                printError("error: cannot update the changelog '\(changelog)': \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        let modules = results.compactMap(\.output.module)
        let elapsed = start.duration(to: .now)
        let summary =
            "\(modules.count) module\(modules.count == 1 ? "" : "s"), "
            + "\(modules.reduce(0) { $0 + $1.typeCount }) types, "
            + "\(modules.reduce(0) { $0 + $1.operations.count }) operations, "
            + "\(results.reduce(0) { $0 + $1.output.files.count }) files, "
            + "\(changedFiles) \(check ? "stale" : "changed") in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))"
        if check && !stale.isEmpty {
            for path in stale { printError("stale: \(path)") }
            printError("error: \(output) is out of date; run `swift run spindle generate`")
            print(summary)
            throw ExitCode.failure
        }
        print(summary)
    }

    /// The spec folders or files to generate from.
    private func vendorJobs() throws -> [String] {
        if let spec { return [spec] }
        if let vendor {
            let path = specs + "/" + vendor
            guard FileManager.default.fileExists(atPath: path) else {
                printError("error: no vendor folder '\(path)'")
                throw ExitCode.failure
            }
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: specs)) ?? []
        let folders = names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: specs + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard !folders.isEmpty else {
            printError("error: no vendor folders in '\(specs)'; pass --spec PATH or run from the repository root")
            throw ExitCode.failure
        }
        return folders.map { specs + "/" + $0 }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
