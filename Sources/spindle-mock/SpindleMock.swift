import ArgumentParser
import Foundation
import SpindleGenerator

/// `spindle-mock`: serves every vendor's documented example responses on local ports.
///
/// An executable of its own rather than a `spindle` subcommand, so that the `spindle` tool, which the
/// `spindle-generate` plugin builds on first use, does not build the HTTP server (FlyingFox) it never uses.
@main
struct SpindleMock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spindle-mock",
        abstract: "Serve each vendor's documented example responses on a local port.",
        discussion: """
            Every vendor gets its own server on 127.0.0.1, on consecutive ports from --port: all \
            vendor folders in sorted order, or the named ones in the order given. With no \
            arguments that is autumn 8080, mycryptoserver 8081, snaprefund 8082, stigg 8083.

            A request is matched by method and path template ({param} matches one segment); the \
            path may carry the server URL's base path (/api/v1 for https://{domain}/api/v1). The \
            answer is the operation's first 2xx response: its first example as JSON, with its \
            status. Unknown paths get 404 {"message": "no operation for GET /x"}. Credentials are \
            not checked. One line per request is logged to standard output. Ctrl-C stops.
            """
    )

    @Argument(help: "Vendor folders under --specs to serve (default: all of them).")
    var vendors: [String] = []

    @Option(help: "The port of the first vendor; the others get the following ports.")
    var port: UInt16 = 8080

    @Option(help: ArgumentHelp("The folder of vendor folders.", valueName: "dir"))
    var specs: String = "specs"

    func run() async throws {
        let names = try vendorNames()
        guard port > 0, Int(port) + names.count - 1 <= Int(UInt16.max) else {
            MockLog.error("error: --port must leave room for \(names.count) consecutive ports in 1...\(UInt16.max)")
            throw ExitCode.failure
        }
        let width = (names.map(\.count).max() ?? 0) + 2
        var servers: [MockServer] = []
        for (offset, name) in names.enumerated() {
            do {
                let api = try MockAPI.load(specs + "/" + name, name: name)
                let label = name.padding(toLength: width, withPad: " ", startingAt: 0)
                servers.append(try MockServer(api: api, port: port + UInt16(offset), label: label))
            } catch {
                MockLog.error("\(error)")
                MockLog.error("error: cannot mock '\(name)'")
                throw ExitCode.failure
            }
        }
        do {
            try await MockServer.runAll(servers)
        } catch {
            MockLog.error("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The vendors to serve: the named ones (checked to exist), or every folder of `specs`, sorted.
    private func vendorNames() throws -> [String] {
        let fileManager = FileManager.default
        func isFolder(_ name: String) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: specs + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if !vendors.isEmpty {
            var unique: [String] = []
            for name in vendors where !unique.contains(name) {
                guard isFolder(name) else {
                    MockLog.error("error: no vendor folder '\(specs)/\(name)'")
                    throw ExitCode.failure
                }
                unique.append(name)
            }
            return unique
        }
        let names = ((try? fileManager.contentsOfDirectory(atPath: specs)) ?? []).sorted().filter {
            !$0.hasPrefix(".") && isFolder($0)
        }
        guard !names.isEmpty else {
            MockLog.error("error: no vendor folders in '\(specs)'; pass --specs DIR or run from the repository root")
            throw ExitCode.failure
        }
        return names
    }
}
