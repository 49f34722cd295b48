import Foundation

/// `swiftc` against the SpindleRuntime this test run built, as an app's build compiles: a generated module
/// is emitted on its own, with warnings as errors (generated code must compile without any), then an app
/// is type-checked against it.
enum SwiftCompiler {
    /// Emits module `name` from the Swift files under `folder` and returns the folder holding it; throws
    /// with the compiler's output when it does not compile cleanly. Modules of the same sources are
    /// emitted once per test run.
    static func emitModule(named name: String, from folder: String) async throws -> String {
        let sources = try swiftFiles(in: folder)
        var key = name
        for path in sources { key += "\u{0}" + ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "") }
        return try await cache.module(for: key) {
            let output = try RepositoryPaths.temporaryFolder()
            let result = try await run(
                "swiftc",
                ["-emit-module", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors", "-module-name", name,
                 "-I", try BuildProducts.modules(), "-emit-module-path", output + "/\(name).swiftmodule"] + sources)
            guard result.status == 0 else { throw CompileFailure(log: result.standardOutput + result.standardError) }
            return output
        }
    }

    /// Type-checks `source`, one file of an app, against the modules in `modules` (folders) and the runtime.
    /// The result's output holds the compiler's diagnostics, as `app.swift:3:5: warning: …`.
    static func typecheck(app source: String, against modules: [String]) async throws -> ProcessResult {
        let folder = try RepositoryPaths.temporaryFolder()
        try source.write(toFile: folder + "/app.swift", atomically: true, encoding: .utf8)
        let includes = try (modules + [BuildProducts.modules()]).flatMap { ["-I", $0] }
        var result = try await run("swiftc", ["-typecheck", "-parse-as-library", "-swift-version", "6"] + includes + ["app.swift"], in: folder)
        result.standardOutput += result.standardError
        result.standardError = ""
        return result
    }

    private static func swiftFiles(in folder: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { paths.append(folder + "/" + path) }
        }
        return paths.sorted()
    }

    private static let cache = ModuleCache()
}

/// Emitted modules by their sources, each emitted once even when tests ask for it at the same time.
private actor ModuleCache {
    private var modules: [String: Task<String, Error>] = [:]

    func module(for key: String, emit: @escaping @Sendable () async throws -> String) async throws -> String {
        if let task = modules[key] { return try await task.value }
        let task = Task { try await emit() }
        modules[key] = task
        return try await task.value
    }
}

struct CompileFailure: Error, CustomStringConvertible {
    var log: String
    var description: String { log }
}
