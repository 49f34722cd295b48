import Foundation

/// Writes `JSONValue` numbers with their exact text through Foundation's `JSONEncoder`, which only writes
/// Swift numbers (`Double` digits for a fraction, nothing for `1e400`).
///
/// `JSONCoding.encode` binds a splice for the duration of one encoding. A number whose text the encoder
/// would not reproduce is encoded as a placeholder string made of a random nonce and an index, and the
/// placeholders (quotes included) are replaced by the numbers' text in the encoder's output. The nonce is
/// new for every encoding, so no string in the value can be taken for a placeholder.
final class JSONNumberSplice: Sendable {
    /// The splice of the `JSONCoding.encode` call running on this task, if any.
    @TaskLocal static var current: JSONNumberSplice?

    private let nonce = "spindle-number-" + UUID().uuidString + "-"
    private let texts = Locked<[String]>([])

    /// The string to encode in place of `number`.
    func placeholder(for number: JSONNumber) -> String {
        let index = texts.withLock { texts in
            texts.append(number.text)
            return texts.count - 1
        }
        return nonce + String(index)
    }

    /// `encoded` with every placeholder replaced by its number's text.
    func splice(_ encoded: Data) -> Data {
        let texts = texts.withLock { $0 }
        guard !texts.isEmpty else { return encoded }
        let opening = Data(("\"" + nonce).utf8)
        var output = Data()
        output.reserveCapacity(encoded.count)
        var copiedUpTo = encoded.startIndex
        var searchFrom = encoded.startIndex
        while let range = encoded.range(of: opening, in: searchFrom..<encoded.endIndex) {
            var end = range.upperBound
            var index = 0
            // At most 18 digits: an index is smaller than the number of placeholders, and no overflow is possible.
            while end < encoded.endIndex, end - range.upperBound < 18, let digit = Self.digit(encoded[end]) {
                index = index * 10 + digit
                end += 1
            }
            guard end < encoded.endIndex, encoded[end] == UInt8(ascii: "\""), texts.indices.contains(index) else {
                searchFrom = range.upperBound
                continue
            }
            output.append(encoded[copiedUpTo..<range.lowerBound])
            output.append(contentsOf: texts[index].utf8)
            copiedUpTo = end + 1
            searchFrom = copiedUpTo
        }
        output.append(encoded[copiedUpTo..<encoded.endIndex])
        return output
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
