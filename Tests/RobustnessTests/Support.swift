import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Paths inside this repository, found from this file so tests run from any working directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A new empty folder under the system's temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "spindle-robustness-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// One run of the generator over spec files written to a fresh folder `<tmp>/shop/`, the way
/// `spindle generate --spec <tmp>/shop/openapi.yaml --output <tmp>/out` runs it: the output folder
/// is replaced only when generation succeeded.
struct Generation {
    /// The folder the spec files were written to (`<tmp>/shop`).
    let specFolder: String
    /// The output folder (`<tmp>/out/<Module>` after a success).
    let outputFolder: String
    let output: VendorGenerator.Output

    var succeeded: Bool { output.succeeded }
    var files: [GeneratedFile] { output.files }
    var module: IRModule? { output.module }

    /// Every diagnostic as the command line prints it, with the temporary folder removed from
    /// paths, so `<tmp>/shop/openapi.yaml:3:1: error: …` reads `openapi.yaml:3:1: error: …`.
    var diagnostics: [String] {
        output.diagnostics.map { $0.description.replacingOccurrences(of: specFolder + "/", with: "") }
    }

    /// The error diagnostics only.
    var errors: [String] { diagnostics.filter { $0.contains(": error: ") || $0.hasPrefix("error: ") } }

    /// The contents of the generated file whose path ends with `suffix`.
    func file(_ suffix: String) throws -> String {
        try #require(files.first { $0.path.hasSuffix(suffix) }, "no file *\(suffix) in \(files.map(\.path))").contents
    }

    /// Every file the run left in the output folder (relative paths, sorted).
    func writtenFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: outputFolder) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: outputFolder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}

/// Writes `files` (name -> bytes) into a fresh `<tmp>/shop/`, generates from `root` and, on
/// success only, replaces `<tmp>/out/<Module>`. An empty `root` generates from the whole folder.
///
/// `links` are symbolic links to make in the spec folder (name -> destination, as written in the
/// link); `specRoot` is a folder relative to `<tmp>` given as `--spec-root`.
func generate(
    files: [String: [UInt8]], root: String = "openapi.yaml", links: [String: String] = [:], specRoot: String? = nil,
    allowsExternalReferences: Bool = false, outputBudget: OutputBudget = OutputBudget()
) async throws -> Generation {
    let temporary = try RepositoryPaths.temporaryFolder()
    let specFolder = temporary + "/shop"
    for (name, bytes) in files {
        let path = specFolder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    for (name, destination) in links {
        let path = specFolder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
    }
    let outputFolder = temporary + "/out"
    try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
    let specPath = root.isEmpty ? specFolder : specFolder + "/" + root
    let rootFolder = specRoot.map { temporary + "/" + $0 }
    let output = await runOffThePool {
        var generator = VendorGenerator(specPath: specPath, specRoot: rootFolder, allowsExternalReferences: allowsExternalReferences)
        generator.outputBudget = outputBudget
        return generator.run()
    }
    if output.succeeded, let module = output.module {
        try OutputDirectory(path: outputFolder + "/" + module.moduleName).replace(with: output.files)
    }
    return Generation(specFolder: specFolder, outputFolder: outputFolder, output: output)
}

/// Generates from one YAML or JSON document given as text.
func generate(_ text: String, file: String = "openapi.yaml") async throws -> Generation {
    try await generate(files: [file: Array(text.utf8)], root: file)
}

/// Generates from one document given as raw bytes.
func generate(bytes: [UInt8], file: String = "openapi.yaml") async throws -> Generation {
    try await generate(files: [file: bytes], root: file)
}

/// Runs blocking work (generation waits for its large-stack thread; some inputs take seconds)
/// on a thread of its own, so it never parks Swift concurrency's few cooperative threads while
/// the rest of the test suite runs in parallel.
func runOffThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}

/// A document of `paths` and `components.schemas`, both written without indentation.
func document(paths: String = "{}", schemas: String? = nil, openapi: String = "3.1.0") -> String {
    func indented(_ text: String, by count: Int) -> String {
        let prefix = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
    var text = """
        openapi: \(openapi)
        info: {title: Shop, version: 1.0.0}
        paths:
        \(indented(paths, by: 2))
        """
    if let schemas {
        text += "\ncomponents:\n  schemas:\n" + indented(schemas, by: 4)
    }
    return text + "\n"
}

/// The outcome of the in-memory pipeline (no files on disk): what the fuzz target runs.
struct PipelineResult {
    var diagnostics: [Diagnostic]
    var files: [GeneratedFile]
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The parsed built-in templates, shared by in-memory runs.
let builtInTemplates = TemplateSet.builtIn

/// Load -> IR -> emit over one in-memory document named `openapi.yaml`.
func pipeline(_ bytes: [UInt8]) -> PipelineResult {
    let loader = SpecLoader(fileReader: { path in path == "openapi.yaml" ? bytes : nil })
    guard let api = loader.loadAPI(fragments: ["openapi.yaml"]), !loader.diagnostics.hasErrors else {
        return PipelineResult(diagnostics: loader.diagnostics.sorted, files: [])
    }
    let module = IRBuilder(api: api, loader: loader, config: VendorConfig(module: "Shop")).build()
    guard !loader.diagnostics.hasErrors else { return PipelineResult(diagnostics: loader.diagnostics.sorted, files: []) }
    do {
        let files = try SwiftEmitter(module: module, templates: builtInTemplates, specHash: "0").render()
        return PipelineResult(diagnostics: loader.diagnostics.sorted, files: files)
    } catch {
        return PipelineResult(diagnostics: loader.diagnostics.sorted + [.error("\(error)", at: nil)], files: [])
    }
}

/// Type-checks generated files against SpindleRuntime with `swiftc -typecheck -swift-version 6`,
/// the way an app target that depends on the generated module compiles it.
enum TypeCheck {
    /// SpindleRuntime built once per test run as a module in a temporary folder, or why not.
    static let runtimeModule: Result<String, TypeCheckFailure> = {
        do {
            let folder = try RepositoryPaths.temporaryFolder()
            let runtime = RepositoryPaths.root + "/Sources/SpindleRuntime"
            let enumerator = FileManager.default.enumerator(atPath: runtime)
            var sources: [String] = []
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".swift") { sources.append(runtime + "/" + path) }
            }
            let (status, log) = try swiftc(
                ["-emit-module", "-parse-as-library", "-swift-version", "6", "-module-name", "SpindleRuntime",
                 "-emit-module-path", folder + "/SpindleRuntime.swiftmodule"] + sources.sorted())
            guard status == 0 else { return .failure(TypeCheckFailure(log: "SpindleRuntime: \(log)")) }
            return .success(folder)
        } catch {
            return .failure(TypeCheckFailure(log: "\(error)"))
        }
    }()

    /// Compiler output when `files` (module `Shop`) do not type-check; nil when they do.
    ///
    /// The compiler runs on a thread of its own: waiting for it on Swift concurrency's few
    /// cooperative threads would stall every other test running in parallel.
    static func errors(in files: [GeneratedFile], module: String = "Shop") async throws -> String? {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingErrors(in: files, module: module) })
            }
        }
    }

    private static func blockingErrors(in files: [GeneratedFile], module: String) throws -> String? {
        let runtime = try runtimeModule.get()
        let folder = try RepositoryPaths.temporaryFolder()
        var paths: [String] = []
        for file in files where file.path.hasSuffix(".swift") {
            let path = folder + "/" + file.path
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let (status, log) = try swiftc(
            ["-typecheck", "-parse-as-library", "-swift-version", "6", "-module-name", module, "-I", runtime] + paths.sorted())
        if status == 0 { try? FileManager.default.removeItem(atPath: folder) }
        return status == 0 ? nil : log.replacingOccurrences(of: folder + "/", with: "")
    }

    private static func swiftc(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

struct TypeCheckFailure: Error, CustomStringConvertible {
    var log: String
    var description: String { log }
}
