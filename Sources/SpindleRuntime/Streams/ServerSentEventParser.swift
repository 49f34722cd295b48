import Foundation

/// Splits a `text/event-stream` body into events as its bytes arrive, by the WHATWG HTML standard's
/// "Interpreting an event stream" rules.
///
/// Lines end with CR, LF or CRLF, and a CR that ends one chunk pairs with an LF that starts the next. A
/// blank line dispatches the event being built; one without `data:` lines is not dispatched. Comments
/// (`:`) and unknown fields are skipped; a field without a colon has an empty value; one space after the
/// colon is dropped. The last event id and the reconnection time persist across events. An event not
/// finished by a blank line when the stream ends is discarded, as the standard says.
///
/// Memory is bounded by `maxEventBytes`: a line or an event larger than that fails with
/// ``StreamDecodingError/Kind/tooLarge(limit:)`` instead of being buffered.
struct ServerSentEventParser {
    /// An event as received, its data still bytes.
    struct Event {
        var data: [UInt8]
        var event: String?
        var id: String?
        var retry: Duration?
        var index: Int
        var offset: Int64
    }

    private let maxEventBytes: Int
    private var window = ByteWindow()
    /// How far the window was searched for a line end without finding one.
    private var scanned = 0
    private var checkedByteOrderMark = false
    /// The last line ended with a CR at the end of the bytes received: an LF arriving next belongs to it.
    private var skipLineFeed = false

    // The event being built and the stream's state.
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var eventStart: Int64?
    private var eventBytes = 0
    private var lastEventID = ""
    private var retry: Duration?
    private var index = 0

    init(maxEventBytes: Int) {
        self.maxEventBytes = maxEventBytes
    }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        window.append(chunk)
        if skipLineFeed, let first = chunk.first {
            skipLineFeed = false
            // The window was empty: the line before ended at the CR that ended the last chunk.
            if first == 10 { window.consume(1) }
        }
    }

    /// The next complete event from the bytes received so far; at the end of the stream (`atEnd`), `nil` once
    /// the complete events are out (a partial one is dropped).
    mutating func next(atEnd: Bool) throws(StreamDecodingError) -> Event? {
        if !checkedByteOrderMark {
            guard window.dropByteOrderMark(atEnd: atEnd) else { return nil }
            checkedByteOrderMark = true
        }
        while let line = try nextLine() {
            if let event = try process(line) { return event }
        }
        return nil
    }

    /// The next line, without its line end, as the offset of its first byte and its bytes.
    private mutating func nextLine() throws(StreamDecodingError) -> (offset: Int64, bytes: [UInt8])? {
        let bytes = window.bytes
        let searchStart = bytes.startIndex + scanned
        guard let end = bytes[searchStart...].firstIndex(where: { $0 == 13 || $0 == 10 }) else {
            scanned = bytes.count
            if bytes.count + eventBytes > maxEventBytes { throw tooLarge() }
            return nil
        }
        let line = Array(bytes[bytes.startIndex..<end])
        let offset = window.offset
        var next = end + 1
        if bytes[end] == 13 {
            if next < bytes.endIndex {
                if bytes[next] == 10 { next += 1 }
            } else {
                skipLineFeed = true
            }
        }
        window.consume(upTo: next)
        scanned = 0
        eventBytes += next - end + line.count
        if eventStart == nil { eventStart = offset }
        if eventBytes > maxEventBytes { throw tooLarge() }
        return (offset, line)
    }

    /// Applies one line to the event being built; returns the event a blank line dispatches.
    private mutating func process(_ line: (offset: Int64, bytes: [UInt8])) throws(StreamDecodingError) -> Event? {
        let bytes = line.bytes
        guard !bytes.isEmpty else { return dispatch() }
        if bytes[0] == UInt8(ascii: ":") { return nil }
        let field: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            field = bytes[..<colon]
            value = bytes[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = bytes[...]
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            data.append(contentsOf: value)
            data.append(10)
            hasData = true
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ (48...57).contains($0) }), let milliseconds = Int(String(decoding: value, as: UTF8.self)) {
                retry = .milliseconds(milliseconds)
            }
        default:
            break
        }
        return nil
    }

    /// Ends the event being built at a blank line: dispatched if it has data, dropped otherwise.
    private mutating func dispatch() -> Event? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            eventStart = nil
            eventBytes = 0
        }
        guard hasData else { return nil }
        data.removeLast()
        defer { index += 1 }
        return Event(
            data: data, event: eventType.flatMap { $0.isEmpty ? nil : $0 }, id: lastEventID.isEmpty ? nil : lastEventID,
            retry: retry, index: index, offset: eventStart ?? window.offset)
    }

    private func tooLarge() -> StreamDecodingError {
        StreamDecodingError(
            format: .serverSentEvents, kind: .tooLarge(limit: maxEventBytes), index: index, offset: eventStart ?? window.offset,
            message: "The event is larger than the limit of \(maxEventBytes) bytes.")
    }
}
