import Foundation

/// A finished child process: its exit status and what it wrote.
struct ProcessResult: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs an executable (found on `PATH` unless `executable` is a path) to its end, on a thread of its own:
/// waiting on Swift concurrency's few cooperative threads would stall the tests running beside it.
func run(_ executable: String, _ arguments: [String], in directory: String? = nil) async throws -> ProcessResult {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try runBlocking(executable, arguments, in: directory) })
        }
    }
}

private func runBlocking(_ executable: String, _ arguments: [String], in directory: String?) throws -> ProcessResult {
    let process = Process()
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    // Files rather than pipes: nothing blocks when the child writes more than a pipe buffers.
    let logs = try RepositoryPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: logs) }
    let (outputPath, errorPath) = (logs + "/stdout", logs + "/stderr")
    try Data().write(to: URL(fileURLWithPath: outputPath))
    try Data().write(to: URL(fileURLWithPath: errorPath))
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    defer {
        try? output.close()
        try? error.close()
    }
    process.standardOutput = output
    process.standardError = error
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
        standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
}
