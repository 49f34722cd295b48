import Foundation
import Testing

/// An app that depends on Spindle for the runtime and the plugin may name its modules after any
/// client this repository ships, or after its examples, and may use Yams: SwiftPM rejects two packages
/// in one graph that declare targets of the same name, so those modules must not be in the graph an
/// app sees.
@Suite struct AppModuleNamesTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Every module this repository generates or builds that is not `Spindle…`-prefixed, and the names
    /// of other packages' modules that Spindle's once shared.
    static func repositoryModuleNames() throws -> [String] {
        var names: [String] = []
        for folder in ["Generated", "Tests/GoldenOutput"] {
            for entry in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).sorted()
            where FileManager.default.fileExists(atPath: "\(root)/\(folder)/\(entry)/spindle-surface.json") {
                names.append(entry)
            }
        }
        // CYaml is Yams' libyaml module, which Spindle's once had the name of.
        return names + ["ListCustomers", "CYaml"]
    }

    @Test func appModulesMayShareTheNamesOfTheShippedClients() throws {
        let names = try Self.repositoryModuleNames()
        #expect(names.contains("Stigg"))
        let app = NSTemporaryDirectory() + "spindle-app-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: app) }
        for name in names {
            try FileManager.default.createDirectory(atPath: "\(app)/Sources/\(name)", withIntermediateDirectories: true)
            try "import SpindleRuntime\n".write(toFile: "\(app)/Sources/\(name)/\(name).swift", atomically: true, encoding: .utf8)
        }
        let targets = names.map { #".target(name: "\#($0)", dependencies: [.product(name: "SpindleRuntime", package: "Spindle")])"# }
        try """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
                name: "App",
                platforms: [.macOS(.v14)],
                dependencies: [.package(name: "Spindle", path: "\(Self.root)")],
                targets: [\(targets.joined(separator: ", "))]
            )

            """.write(toFile: app + "/Package.swift", atomically: true, encoding: .utf8)
        // Listing the plugins loads the whole package graph, where the name clash is reported, and
        // shows the app can reach the plugin, without building anything.
        let (status, output) = try Self.swift(["package", "--package-path", app, "plugin", "--list"])
        #expect(status == 0, "SwiftPM rejected an app with modules \(names):\n\(output)")
        #expect(output.contains("plugin ‘SpindleGenerate’ in package ‘Spindle’"), "\(output)")
    }

    /// Runs `swift` with `arguments`, giving up after five minutes.
    static func swift(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        let log = NSTemporaryDirectory() + "spindle-swift-" + UUID().uuidString + ".log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        try Data().write(to: URL(fileURLWithPath: log))
        // A file rather than a pipe: nothing blocks when SwiftPM writes more than a pipe buffers.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return (process.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
