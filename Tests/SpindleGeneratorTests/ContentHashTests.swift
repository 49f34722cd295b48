import Foundation
import SpindleGenerator
import Testing

/// The spec fingerprint in generated headers: hashing files one by one gives what hashing their bytes gives.
@Suite struct ContentHashTests {
    @Test func filesHashLikeTheirBytesInOrderAndMissingFilesAsEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Array("openapi: 3.0.3\n".utf8)
        let second = Array(repeating: UInt8(ascii: "x"), count: 100_000)
        try Data(first).write(to: folder.appendingPathComponent("a.yaml"))
        try Data(second).write(to: folder.appendingPathComponent("b.yaml"))
        let a = folder.appendingPathComponent("a.yaml").path
        let b = folder.appendingPathComponent("b.yaml").path
        let missing = folder.appendingPathComponent("missing.yaml").path

        #expect(contentHash(ofFiles: [a, b]) == contentHash([first, second]))
        #expect(contentHash(ofFiles: [a, missing]) == contentHash([first, []]))
        // Order and the boundary between files count.
        #expect(contentHash(ofFiles: [b, a]) != contentHash(ofFiles: [a, b]))
        #expect(contentHash([first + second]) != contentHash([first, second]))
        // The value is pinned: generated headers carry it, so it must not change between versions.
        #expect(contentHash([Array("abc".utf8)]) == "fc182483ee0806dc")
    }
}
