import ArgumentParser
import Foundation

/// `spindle mock`: runs `spindle-mock`, which serves the vendors' documented examples, when it was built
/// beside this tool; it is an executable of its own so that this tool (which the `spindle-generate` plugin
/// builds) does not include an HTTP server.
struct Mock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve each vendor's documented example responses (runs spindle-mock).",
        discussion: "Same arguments as `swift run spindle-mock --help`, which also builds it."
    )

    @Argument(parsing: .allUnrecognized, help: "Arguments for spindle-mock.")
    var arguments: [String] = []

    func run() throws {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("spindle-mock")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            printError("error: spindle-mock is not built; run `swift run spindle-mock \(arguments.joined(separator: " "))`")
            throw ExitCode.failure
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        throw ExitCode(process.terminationStatus)
    }
}
