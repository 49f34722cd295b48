// The libFuzzer target: one input is one OpenAPI document (YAML or JSON bytes), run through the
// whole pipeline the way `spindle generate` runs it (load -> IR -> emit). Bad input must end in
// diagnostics; the fuzzer reports anything else: a trap, a sanitizer finding, a hang past
// -timeout, an OOM past -rss_limit_mb.
//
// Build and run (Linux, see docs/ROBUSTNESS.md or Scripts/fuzz.sh):
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSPINDLE_FUZZING --product SpindleFuzz
//   .build/debug/SpindleFuzz -runs=1000000 -max_len=4096 -timeout=10 -rss_limit_mb=4096 CORPUS_DIR
//
// SwiftPM gives an executable its own `main` (it renames this file's entry point and points
// `main` at it), so libFuzzer's `main` is never linked; this file's top-level code starts
// libFuzzer's driver instead. Without the flags above it builds too, and only says how to build it.
import Foundation
import SpindleGenerator
import SpindleIR
import SpindleOpenAPI
import SpindleYAML

enum Fuzz {
    /// Templates parsed once: the same for every input.
    static let templates = TemplateSet.builtIn
}

@_cdecl("LLVMFuzzerTestOneInput")
public func spindleFuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    // One in-memory file; every other path (an external `$ref`) is unreadable.
    let loader = SpecLoader(fileReader: { path in path == "fuzz.yaml" ? bytes : nil })
    guard let api = loader.loadAPI(fragments: ["fuzz.yaml"]), !loader.diagnostics.hasErrors else { return 0 }
    let module = IRBuilder(api: api, loader: loader, config: VendorConfig(module: "Fuzz")).build()
    guard !loader.diagnostics.hasErrors else { return 0 }
    do {
        let files = try SwiftEmitter(module: module, templates: Fuzz.templates, specHash: "0", accessLevel: "public").render()
        _ = try APISurface(module: module).json()
        // Every file stays inside the module folder.
        for file in files where file.path.isEmpty || file.path.hasPrefix("/") || file.path.contains("..") {
            fatalError("bad generated file path '\(file.path)'")
        }
    } catch {
        // A spec that loads and builds without errors must render: the templates are ours.
        fatalError("emit failed after a clean load: \(error)")
    }
    return 0
}

#if SPINDLE_FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, spindleFuzz))
#else
FileHandle.standardError.write(Data("""
    SpindleFuzz was built without libFuzzer. Build it with:
      swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSPINDLE_FUZZING --product SpindleFuzz

    """.utf8))
exit(2)
#endif
