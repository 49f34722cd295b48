// spindle-gen: Spindle's generation pipeline, timed stage by stage with ContinuousClock.
//
//   spindle-gen scan SPEC                  bare libyaml event scan of every document (the floor)
//   spindle-gen generate SPEC [OUTDIR]     read, YAML tree, load+refs, IR, emit, write (one process = one run;
//                                          OUTDIR should not exist: files are written like the CLI writes them)
//   spindle-gen vendor SPEC OUTDIR         VendorGenerator(specPath:).run() as the spindle CLI runs it, then write
//   spindle-gen compare DIR1 DIR2          exit 1 unless both folders hold the same files with the same bytes
//   spindle-gen load SPEC ROUNDS           ROUNDS pairs in one process, each a bare scan then a full load (YAML tree,
//                                          model, every $ref resolved) with a fresh loader: the pairs see the same
//                                          machine state, so their ratio holds on a machine whose speed drifts
//   spindle-gen pipeline SPEC ROUNDS       the same pairing for a bare scan and a whole generation (tree, model, IR,
//                                          emit; nothing written)
//
// SPEC is a document or a folder of documents (merged, as `spindle generate` does). Each mode prints
// one JSON object on stdout: milliseconds per stage, counts, and the process's peak RSS (VmHWM, KiB).
// One generation per process, so the peak RSS belongs to that generation alone.

import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML

let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
}

/// Peak RSS (KiB) at the end of each stage, in stage order, so a generation's memory can be told apart by stage.
nonisolated(unsafe) var peakAfterStage: [(String, Int)] = []

/// Runs `body` and adds its duration to `stages` under `name`.
func stage<T>(_ name: String, _ stages: inout [(String, Double)], _ body: () throws -> T) rethrows -> T {
    let start = clock.now
    let result = try body()
    stages.append((name, milliseconds(start.duration(to: clock.now))))
    peakAfterStage.append((name, peakRSSKiB()))
    return result
}

/// Peak resident set size of this process so far, from /proc/self/status (KiB); getrusage elsewhere.
func peakRSSKiB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
    }
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)  // KiB
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss) / 1024  // bytes on Darwin
    #endif
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
}

/// The candidate documents of a spec path, in the order and spelling `SpecLoader.loadFolder` uses.
func candidateFiles(_ spec: String) -> [String] {
    guard isDirectory(spec) else { return [spec] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: spec)) ?? []
    return names.filter { name in
        name != "spindle.yaml" && [".yaml", ".yml", ".json"].contains(where: name.hasSuffix)
    }.sorted().map { spec.hasSuffix("/") ? spec + $0 : spec + "/" + $0 }
}

func readAll(_ paths: [String]) -> [String: [UInt8]] {
    var bytes: [String: [UInt8]] = [:]
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        bytes[path] = [UInt8](data)
    }
    return bytes
}

/// Prints the report as one line of JSON with sorted keys.
///
/// Written out by hand: `JSONSerialization` bridges through CoreFoundation, whose first use maps in
/// 3.8 MiB of library pages, and the harness's own report would then set the process's peak memory.
func printJSON(_ object: [String: Any]) {
    func encode(_ value: Any) -> String {
        switch value {
        case let text as String: return ExampleJSON.quoted(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double: return number.isFinite ? "\(number)" : "null"
        case let list as [Any]: return "[" + list.map(encode).joined(separator: ",") + "]"
        case let map as [String: Any]:
            return "{" + map.keys.sorted().map { encode($0) + ":" + encode(map[$0]!) }.joined(separator: ",") + "}"
        default: fatalError("printJSON: unsupported value \(type(of: value))")
        }
    }
    print(encode(object))
}

func stageObject(_ stages: [(String, Double)]) -> [String: Double] {
    Dictionary(stages, uniquingKeysWith: +)
}

/// Writes the files exactly as the `spindle` CLI does (staging folder, then swap).
func write(_ files: [GeneratedFile], to directory: String) {
    do {
        try OutputDirectory(path: directory).replace(with: files)
    } catch {
        fail("cannot write \(directory): \(error)")
    }
}

func outputSize(_ files: [GeneratedFile]) -> (lines: Int, bytes: Int) {
    var lines = 0
    var bytes = 0
    for file in files where file.path.hasSuffix(".swift") {
        bytes += file.contents.utf8.count
        lines += file.contents.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }
    return (lines, bytes)
}

/// The libyaml events of every file, and nothing else: the floor every stage is compared with.
func scanEvents(_ files: [String], _ bytes: [String: [UInt8]]) -> Int {
    files.reduce(0) { total, file in
        do { return total + (try YAMLEventScan.countEvents(in: bytes[file]!)) } catch { fail("\(file): \(error)") }
    }
}

/// The documents that are OpenAPI (or Swagger, to be rejected) roots, as `SpecLoader.loadFolder` picks them.
func openAPIRoots(_ files: [String], _ documents: [YAMLDocument?]) -> [String] {
    zip(files, documents).filter { _, document in
        guard let root = document?.root, root.kind == .mapping else { return false }
        return root["openapi"] != nil || root["swagger"] != nil
    }.map(\.0)
}

/// Stops with the loader's first diagnostics when it has found an error.
func failOnErrors(_ loader: SpecLoader) {
    guard loader.diagnostics.hasErrors else { return }
    fail(loader.diagnostics.sorted.prefix(20).map(\.description).joined(separator: "\n"))
}

// MARK: - Modes

/// The floor: read the bytes, then only pull libyaml events.
func scan(_ spec: String) {
    var stages: [(String, Double)] = []
    let files = candidateFiles(spec)
    let bytes = stage("read", &stages) { readAll(files) }
    let events = stage("scan", &stages) { scanEvents(files, bytes) }
    printJSON([
        "mode": "scan", "stages": stageObject(stages), "events": events,
        "inputBytes": bytes.values.reduce(0) { $0 + $1.count }, "peakRSSKiB": peakRSSKiB(),
    ])
}

/// Input files handed to the loader once each and then dropped, as the CLI holds none of them.
final class InputFiles: @unchecked Sendable {  // used from one thread
    private var files: [String: [UInt8]]
    let totalBytes: Int
    init(_ files: [String: [UInt8]]) {
        self.files = files
        totalBytes = files.values.reduce(0) { $0 + $1.count }
    }
    func take(_ path: String) -> [UInt8]? { files.removeValue(forKey: path) }
}

/// The same work as `VendorGenerator.run()` (with a fresh name lock) plus writing the files, split into stages.
/// Like the CLI, it lets the YAML trees and the OpenAPI model go before emitting.
func generate(_ spec: String, output: String?) {
    var stages: [(String, Double)] = []
    let front = buildModule(spec, stages: &stages)
    let module = front.module
    // As the CLI does: hashed file by file after the trees and the model are gone (part of emit's time).
    let generated = stage("emit", &stages) { emit(module, config: front.config, fragments: front.fragments) }
    if let output { stage("write", &stages) { write(generated, to: output) } }
    let size = outputSize(generated)
    printJSON([
        "mode": "generate", "module": module.moduleName, "stages": stageObject(stages), "treeNodes": front.treeNodes,
        "types": module.typeCount, "operations": module.operations.count, "files": generated.count,
        "swiftLines": size.lines, "swiftBytes": size.bytes, "inputBytes": front.inputBytes,
        "warnings": front.warnings, "peakRSSKiB": peakRSSKiB(),
        "peakRSSKiBAfter": peakAfterStage.map { "\($0.0) \($0.1)" },
    ])
}

/// Read, tree, load+refs and IR stages; what they leave behind is released on return.
func buildModule(
    _ spec: String, stages: inout [(String, Double)]
) -> (module: IRModule, config: VendorConfig, fragments: [String], treeNodes: Int, inputBytes: Int, warnings: Int) {
    let folder = isDirectory(spec) ? spec : (spec as NSString).deletingLastPathComponent
    let configFile = folder.isEmpty ? "spindle.yaml" : folder + "/spindle.yaml"
    let hasConfig = FileManager.default.fileExists(atPath: configFile)
    let files = candidateFiles(spec)

    let inputs = stage("read", &stages) { InputFiles(readAll(files + (hasConfig ? [configFile] : []))) }
    let inputBytes = inputs.totalBytes
    let loader = SpecLoader(fileReader: { path in inputs.take(path) ?? FileManager.default.contents(atPath: path).map { [UInt8]($0) } })

    // YAML tree: every document parsed into Spindle's node arena (the loader caches them by path).
    let documents = stage("tree", &stages) { files.map { loader.document($0) } }
    let treeNodes = documents.reduce(0) { $0 + ($1?.nodeCount ?? 0) }

    // Config (tiny), then the OpenAPI model with every $ref checked and resolved across documents.
    let defaultModule = SwiftNaming.typeName(((isDirectory(spec) ? spec : folder) as NSString).lastPathComponent)
    var config = VendorConfig(module: defaultModule)
    let api: APIDescription? = stage("load+refs", &stages) {
        if hasConfig, let document = loader.document(configFile),
            let read = VendorConfig.read(document, defaultModule: defaultModule, report: loader.report)
        {
            config = read
        }
        return loader.loadAPI(fragments: openAPIRoots(files, documents))
    }
    failOnErrors(loader)
    guard let api else { fail("no API loaded from \(spec)") }
    let module = stage("ir", &stages) { IRBuilder(api: api, loader: loader, config: config).build() }
    failOnErrors(loader)
    return (module, config, api.fragments, treeNodes, inputBytes, loader.diagnostics.diagnostics.count)
}

/// Milliseconds of one bare scan of `files`, the first half of every pair.
func timedScan(_ files: [String], _ bytes: [String: [UInt8]]) -> Double {
    let start = clock.now
    _ = scanEvents(files, bytes)
    return milliseconds(start.duration(to: clock.now))
}

/// Scan and full load, paired round by round in one process (after one unmeasured warm-up pair).
func loadPairs(_ spec: String, rounds: Int) {
    let files = candidateFiles(spec)
    let bytes = readAll(files)
    // Returns what it loaded so that tearing it down is not timed (a generation keeps it to the end).
    func loadOnce() -> (Double, Double, SpecLoader, APIDescription) {
        let start = clock.now
        let loader = SpecLoader(fileReader: { path in bytes[path] ?? FileManager.default.contents(atPath: path).map { [UInt8]($0) } })
        let documents = files.map { loader.document($0) }
        let treeDone = clock.now
        let api = loader.loadAPI(fragments: openAPIRoots(files, documents))
        failOnErrors(loader)
        guard let api else { fail("no API loaded from \(spec)") }
        return (milliseconds(start.duration(to: clock.now)), milliseconds(start.duration(to: treeDone)), loader, api)
    }
    _ = timedScan(files, bytes)
    withExtendedLifetime(loadOnce()) {}
    var scans: [Double] = []
    var loads: [Double] = []
    var trees: [Double] = []
    for _ in 0..<rounds {
        scans.append(timedScan(files, bytes))
        let (milliseconds, tree, loader, api) = loadOnce()
        loads.append(milliseconds)
        trees.append(tree)
        withExtendedLifetime((loader, api)) {}
    }
    let ratios = zip(loads, scans).map { $0 / $1 }
    printJSON([
        "mode": "load", "rounds": rounds, "scanMs": scans, "loadMs": loads, "treeMs": trees, "treeMedianMs": median(trees),
        "scanMedianMs": median(scans), "loadMedianMs": median(loads), "scanMinMs": scans.min()!, "loadMinMs": loads.min()!,
        "ratioMedian": median(ratios), "ratioOfMins": loads.min()! / scans.min()!, "peakRSSKiB": peakRSSKiB(),
    ])
}

/// The emit stage: the files `VendorGenerator` writes, the API surface included.
func emit(_ module: IRModule, config: VendorConfig, fragments: [String]) -> [GeneratedFile] {
    do {
        var files = try SwiftEmitter(
            module: module, specHash: contentHash(ofFiles: fragments), accessLevel: config.accessLevel.rawValue
        ).render()
        files.append(GeneratedFile(path: APISurface.fileName, contents: APISurface(module: module).json()))
        return files
    } catch {
        fail("emit: \(error)")
    }
}

/// Scan and whole generation (tree, model, IR, emit; nothing written), paired round by round in one
/// process after one unmeasured warm-up pair, as `loadPairs` pairs the full load.
func generationPairs(_ spec: String, rounds: Int) {
    let files = candidateFiles(spec)
    let bytes = readAll(files)
    /// Milliseconds per stage of one generation, reading excluded.
    func generateOnce() -> [String: Double] {
        var stages: [(String, Double)] = []
        let front = buildModule(spec, stages: &stages)
        _ = stage("emit", &stages) { emit(front.module, config: front.config, fragments: front.fragments) }
        return Dictionary(stages.filter { $0.0 != "read" }, uniquingKeysWith: +)
    }
    _ = timedScan(files, bytes)
    _ = generateOnce()
    var scans: [Double] = []
    var generations: [[String: Double]] = []
    for _ in 0..<rounds {
        scans.append(timedScan(files, bytes))
        generations.append(generateOnce())
    }
    let totals = generations.map { $0.values.reduce(0, +) }
    let stageNames = ["tree", "load+refs", "ir", "emit"]
    printJSON([
        "mode": "pipeline", "rounds": rounds, "scanMs": scans, "generationMs": totals,
        "scanMedianMs": median(scans), "generationMedianMs": median(totals),
        "ratioMedian": median(zip(totals, scans).map { $0 / $1 }),
        "stageRatioMedians": Dictionary(uniqueKeysWithValues: stageNames.map { name in
            (name, median(zip(generations, scans).map { ($0[name] ?? 0) / $1 }))
        }),
        "peakRSSKiB": peakRSSKiB(),
    ])
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The public entry point, unsplit: what `spindle generate --spec SPEC` runs.
func vendor(_ spec: String, output: String) {
    var stages: [(String, Double)] = []
    let result = stage("run", &stages) { VendorGenerator(specPath: spec).run() }
    guard result.succeeded else {
        fail(result.diagnostics.prefix(20).map(\.description).joined(separator: "\n"))
    }
    stage("write", &stages) { write(result.files, to: output) }
    let size = outputSize(result.files)
    printJSON([
        "mode": "vendor", "stages": stageObject(stages), "files": result.files.count,
        "swiftLines": size.lines, "swiftBytes": size.bytes, "peakRSSKiB": peakRSSKiB(),
    ])
}

func compare(_ left: String, _ right: String) {
    func listing(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            let path = directory + "/" + relative
            if !isDirectory(path) { files[relative] = FileManager.default.contents(atPath: path) }
        }
        return files
    }
    let a = listing(left)
    let b = listing(right)
    let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    guard differing.isEmpty else { fail("outputs differ: \(differing.prefix(10))") }
    print("identical: \(a.count) files")
}

// As the CLI's `generate` does.
shareOneMallocHeapAcrossThreads()
let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("scan", 2): scan(arguments[2])
case ("generate", 2): generate(arguments[2], output: nil)
case ("generate", 3): generate(arguments[2], output: arguments[3])
case ("vendor", 3): vendor(arguments[2], output: arguments[3])
case ("compare", 3): compare(arguments[2], arguments[3])
case ("load", 3), ("pipeline", 3):
    guard let rounds = Int(arguments[3]), rounds > 0 else { fail("ROUNDS must be a positive number") }
    arguments.first == "load" ? loadPairs(arguments[2], rounds: rounds) : generationPairs(arguments[2], rounds: rounds)
default:
    fail("usage: spindle-gen scan SPEC | generate SPEC [OUTDIR] | vendor SPEC OUTDIR | compare DIR1 DIR2 | load|pipeline SPEC ROUNDS")
}
