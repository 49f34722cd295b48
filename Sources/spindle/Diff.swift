import ArgumentParser
import Foundation
import SpindleGenerator
import SpindleYAML

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what a spec change does to the generated Swift API.",
        discussion: """
            Generates the API from OLD and from NEW (spec files or vendor folders) the way `spindle generate` \
            would, and prints the report `generate` prints after that bump: added and removed operations, \
            pagination helpers, types, properties, parameters, enum values and error-body cases; changes of \
            type, optionality, nullability and argument order; deprecations; renamed types kept as \
            deprecated aliases. Each change is marked source-breaking (code written against OLD may stop \
            compiling), deprecated (it compiles, with a warning) or additive.

            Both sides use the vendor config: --config, else the spindle.yaml beside each spec (NEW uses \
            OLD's when it has none). Names are kept as `generate` keeps them, through the module's \
            spindle-surface.json in the --output folder, or the one given with --surface.

            Exit status: 0 when nothing is source-breaking, 2 when something is, 1 on spec errors.
            """
    )

    @Argument(help: "The old spec file or vendor folder.")
    var old: String

    @Argument(help: "The new spec file or vendor folder.")
    var new: String

    @Option(help: ArgumentHelp("The vendor config file for both (default: spindle.yaml beside each spec).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The folder of generated modules whose spindle-surface.json keeps the names.", valueName: "dir"))
    var output: String = "Generated"

    @Option(help: ArgumentHelp("The spindle-surface.json that keeps the names, instead of the one in --output.", valueName: "file"))
    var surface: String?

    @OptionGroup var references: ReferenceOptions

    func run() throws {
        var lock: APISurface?
        if let surface {
            guard let read = APISurface.read(file: surface) else {
                printError("error: '\(surface)' is not a readable \(APISurface.fileName)")
                throw ExitCode.failure
            }
            lock = read
        }
        let oldConfig = config ?? VendorGenerator.configFile(besideSpec: old)
        var warnings = WarningTally()
        let before = VendorGenerator(
            specPath: old, configPath: oldConfig, specRoot: references.specRoot, allowsExternalReferences: references.allowExternalRefs
        ) { module in lock ?? APISurface.stored(in: output + "/" + module) }.run()
        guard let oldSurface = generated(before, &warnings) else { throw ExitCode.failure }
        // NEW is generated as `generate` would regenerate the module OLD generated: with its surface as the previous one.
        let after = VendorGenerator(
            specPath: new, configPath: config ?? VendorGenerator.configFile(besideSpec: new) ?? oldConfig, defaultModule: oldSurface.module,
            specRoot: references.specRoot, allowsExternalReferences: references.allowExternalRefs
        ) { _ in oldSurface }.run()
        guard let newSurface = generated(after, &warnings) else { throw ExitCode.failure }
        if let line = warnings.summary { printError(line) }
        let bump = SpecBump(from: oldSurface, to: newSurface)
        print(bump.report)
        if bump.isSourceBreaking { throw ExitCode(2) }
    }

    /// The surface of a successful generation; its diagnostics go to standard error either way.
    private func generated(_ output: VendorGenerator.Output, _ warnings: inout WarningTally) -> APISurface? {
        for diagnostic in warnings.shown(output.diagnostics, quieting: output.quietWarnings) { printError(diagnostic.description) }
        return output.succeeded ? output.surface : nil
    }
}
