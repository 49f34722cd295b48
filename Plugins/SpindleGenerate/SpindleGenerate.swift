import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory spindle-generate [options]`: regenerates the
/// checked-in clients of the package it runs in, from its `specs/` into its `Generated/`.
///
/// Options are passed to `spindle generate` (for example `--check`, `--vendor NAME`).
@main
struct SpindleGenerate: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let spindle = try context.tool(named: "spindle")
        let process = Process()
        process.executableURL = spindle.url
        process.currentDirectoryURL = context.package.directoryURL
        process.arguments = ["generate"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("spindle generate failed with status \(process.terminationStatus)")
            throw SpindleGenerateFailure(status: process.terminationStatus)
        }
    }
}

/// `spindle generate` exited with an error (its diagnostics are already printed).
struct SpindleGenerateFailure: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "spindle generate exited with status \(status)" }
}
