/// Splits an `application/jsonl` (`application/x-ndjson`) body into its lines as the bytes arrive: one JSON
/// text per line, LF-terminated (a CR before the LF is dropped), blank lines skipped, a leading UTF-8 byte
/// order mark ignored. The last line may end without an LF.
///
/// A line longer than `maxItemBytes` fails with ``StreamDecodingError/Kind/tooLarge(limit:)`` instead of
/// being buffered.
struct JSONLinesParser {
    private let maxItemBytes: Int
    private var window = ByteWindow()
    private var scanned = 0
    private var checkedByteOrderMark = false
    private var index = 0

    init(maxItemBytes: Int) {
        self.maxItemBytes = maxItemBytes
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        window.append(chunk)
    }

    /// The next non-blank line received, or at the end of the stream (`atEnd`) the unterminated last one.
    mutating func next(atEnd: Bool) throws(StreamDecodingError) -> StreamItem? {
        if !checkedByteOrderMark {
            guard window.dropByteOrderMark(atEnd: atEnd) else { return nil }
            checkedByteOrderMark = true
        }
        while true {
            let bytes = window.bytes
            let end: Int
            let next: Int
            if let lineFeed = bytes[(bytes.startIndex + scanned)...].firstIndex(of: 10) {
                end = lineFeed
                next = lineFeed + 1
            } else if atEnd && !bytes.isEmpty {
                end = bytes.endIndex
                next = end
            } else {
                scanned = bytes.count
                if bytes.count > maxItemBytes {
                    throw StreamDecodingError(
                        format: .jsonLines, kind: .tooLarge(limit: maxItemBytes), index: index, offset: window.offset,
                        message: "The line is longer than the limit of \(maxItemBytes) bytes.")
                }
                return nil
            }
            var line = bytes[bytes.startIndex..<end]
            if line.last == 13 { line = line.dropLast() }
            let offset = window.offset
            let isBlank = line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
            let item = isBlank ? nil : Array(line)
            window.consume(upTo: next)
            scanned = 0
            guard let item else { continue }
            if item.count > maxItemBytes {
                throw StreamDecodingError(
                    format: .jsonLines, kind: .tooLarge(limit: maxItemBytes), index: index, offset: offset,
                    message: "The line is longer than the limit of \(maxItemBytes) bytes.")
            }
            defer { index += 1 }
            return StreamItem(bytes: item, index: index, offset: offset)
        }
    }
}

/// One item of a JSON stream: its bytes and where it is.
struct StreamItem {
    var bytes: [UInt8]
    var index: Int
    var offset: Int64
}
