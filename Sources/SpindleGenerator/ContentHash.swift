/// A short, stable fingerprint of spec bytes for the generated header (64-bit FNV-1a).
///
/// It identifies which spec text produced a file; it is not a security measure.
public func contentHash(_ chunks: [[UInt8]]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for chunk in chunks {
        for byte in chunk {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        // Separate chunks so that moving bytes between files changes the hash.
        hash ^= 0xff
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
