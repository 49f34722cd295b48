import Foundation

/// A short, stable fingerprint of spec bytes for the generated header (64-bit FNV-1a).
///
/// It identifies which spec text produced a file; it is not a security measure.
public func contentHash(_ chunks: [[UInt8]]) -> String {
    var hasher = ContentHasher()
    for chunk in chunks { chunk.withUnsafeBytes { hasher.addChunk($0) } }
    return hasher.hexDigest
}

/// ``contentHash(_:)`` of the files at `paths` (a missing file counts as empty), read one at a time so
/// that no more than one file's bytes are in memory.
public func contentHash(ofFiles paths: [String]) -> String {
    var hasher = ContentHasher()
    for path in paths {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        data.withUnsafeBytes { hasher.addChunk($0) }
    }
    return hasher.hexDigest
}

/// The running state of ``contentHash(_:)``, fed one chunk at a time.
public struct ContentHasher: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds one chunk (a file's bytes).
    public mutating func addChunk(_ bytes: UnsafeRawBufferPointer) {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        // Separate chunks so that moving bytes between files changes the hash.
        hash ^= 0xff
        hash = hash &* 0x0000_0100_0000_01b3
        self.hash = hash
    }

    /// The 16 hex digits of the hash so far.
    public var hexDigest: String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
