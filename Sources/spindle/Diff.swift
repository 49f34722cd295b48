import ArgumentParser
import Foundation
import SpindleGenerator

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what a spec change does to the generated Swift API.",
        discussion: """
            Compares the API generated from OLD with the one generated from NEW (spec files or vendor \
            folders) and lists added and removed operations, types, properties, parameters, enum values \
            and error-body cases, and changes of type, optionality and nullability. Each change is marked \
            source-breaking (code written against OLD may stop compiling) or additive.

            Exit status: 0 when nothing is source-breaking, 2 when something is, 1 on spec errors.
            """
    )

    @Argument(help: "The old spec file or vendor folder.")
    var old: String

    @Argument(help: "The new spec file or vendor folder.")
    var new: String

    @OptionGroup var references: ReferenceOptions

    func run() throws {
        guard let before = surface(old), let after = surface(new) else { throw ExitCode.failure }
        let changes = after.changes(from: before)
        print(changeReport(module: after.module, from: before.version, to: after.version, changes: changes))
        if changes.contains(where: { $0.impact == .sourceBreaking }) { throw ExitCode(2) }
    }

    private func surface(_ path: String) -> APISurface? {
        let output = VendorGenerator(
            specPath: path, specRoot: references.specRoot, allowsExternalReferences: references.allowExternalRefs
        ).run()
        for diagnostic in output.diagnostics { printError(diagnostic.description) }
        return output.module.map(APISurface.init(module:))
    }
}
