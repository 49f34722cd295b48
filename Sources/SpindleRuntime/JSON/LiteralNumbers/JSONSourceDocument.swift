import Foundation

/// The document a `Decoder` is reading, so that `JSONValue` can keep a number's literal text.
///
/// Foundation's `JSONDecoder` hands out numbers only as Swift numbers: `123456789012345678901234567890.5`
/// comes back as a `Double` with 17 digits, `1e400` not at all, and `1.0` as `1`. `JSONCoding.decode` binds
/// the document it decodes here for the duration of the call; a `JSONValue` number decoded inside it takes
/// its text from the document, at the decoder's coding path.
///
/// No value is built. An object's members are read in order to find a name, and an object looked up often
/// (a free-form map of numbers) is indexed once; an array is indexed (where each element starts) the first
/// time it is met. So a document is read about once however many numbers are looked up, and a body without
/// free-form numbers costs nothing more.
final class JSONSourceDocument: Sendable {
    /// The document being decoded by `JSONCoding.decode` on this task, if any.
    @TaskLocal static var current: JSONSourceDocument?

    private let data: Data
    private let state = Locked(State())

    private struct State {
        var scanner: JSONByteScanner?
        var objects: [Int: [String: Int]] = [:]
        var objectLookups: [Int: Int] = [:]
        var arrays: [Int: [Int]] = [:]
    }

    /// Lookups in one object after which its members are indexed rather than read again.
    private static let lookupsBeforeIndexing = 8

    init(_ data: Data) {
        self.data = data
    }

    /// The number at `codingPath`, if the document has one there. Array positions are the keys' integer
    /// values, object members their string values: which applies is decided by the document, so a map key
    /// that reads as a number (`"1"`) is still a member name.
    func number(at codingPath: [any CodingKey]) -> JSONNumber? {
        state.withLock { state in
            if state.scanner == nil { state.scanner = JSONByteScanner(bytes: Array(data)) }
            guard let scanner = state.scanner else { return nil }
            var offset = scanner.skipWhitespace(0)
            for key in codingPath {
                guard offset < scanner.bytes.count else { return nil }
                switch scanner.bytes[offset] {
                case UInt8(ascii: "{"):
                    if let members = state.objects[offset] {
                        guard let member = members[key.stringValue] else { return nil }
                        offset = member
                    } else {
                        let lookups = state.objectLookups[offset, default: 0] + 1
                        state.objectLookups[offset] = lookups
                        if lookups >= Self.lookupsBeforeIndexing {
                            state.objects[offset] = scanner.members(ofObjectAt: offset) ?? [:]
                        }
                        guard let member = scanner.member(key.stringValue, ofObjectAt: offset) else { return nil }
                        offset = member
                    }
                case UInt8(ascii: "["):
                    if state.arrays[offset] == nil { state.arrays[offset] = scanner.elements(ofArrayAt: offset) ?? [] }
                    guard let index = key.intValue, let elements = state.arrays[offset],
                          elements.indices.contains(index)
                    else { return nil }
                    offset = elements[index]
                default:
                    return nil
                }
            }
            return scanner.number(at: offset)
        }
    }
}
