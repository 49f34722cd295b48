import Foundation

/// A decoded timestamp: the instant, and how the server wrote it.
///
/// A `Date` cannot hold what the server sent: nanoseconds, microseconds in year 9999 (`Date`s there are
/// 30 µs apart, and `9999-12-31T23:59:59.999999Z` is the `Date` of year 10000), unix milliseconds beyond
/// 2^53, the offset and spelling chosen. So the wire form is kept beside the `Date`, and written back as long
/// as the `Date` is unchanged: any timestamp that decodes re-encodes to the same text, so the same instant with
/// the same precision. A changed `Date` is written in the declared format.
struct TimestampValue: Sendable {
    /// The value as the server wrote it.
    enum Wire: Sendable {
        /// RFC 3339 text.
        case text(String)
        /// An integer unix timestamp.
        case integer(Int64)
        /// A unix timestamp of `type: number`, with its literal text.
        case number(JSONNumber)
    }

    let date: Date
    let wire: Wire?

    /// `self` when `date` is the instant it holds (the wire form still describes it), else `date` alone.
    func replacing(_ date: Date) -> TimestampValue {
        date == self.date ? self : TimestampValue(date: date, wire: nil)
    }
}

// MARK: Decoding

/// Where a timestamp is read: a keyed container's member or a single-value container.
protocol TimestampReader {
    /// The path of the value itself.
    var valuePath: [any CodingKey] { get }
    func decodeString() throws -> String
    func decodeInt64() throws -> Int64
    func decodeDouble() throws -> Double
    func decodeDate() throws -> Date
    func decodeJSONValue() throws -> JSONValue
    func corrupted(_ message: String) -> DecodingError
}

extension TimestampValue {
    /// Reads a timestamp of `format`, which must not be `null`; anything that is not a valid timestamp of the
    /// format is a `DecodingError` at the value's path.
    init(reading reader: some TimestampReader, format: TimestampFormat) throws {
        switch format {
        case .rfc3339:
            let text = try? reader.decodeString()
            if let text, let date = RFC3339.date(from: text) ?? CalendarDate(text)?.date() {
                self.init(date: date, wire: .text(text))
                return
            }
            // Not RFC 3339: the decoder's own date strategy decides (the runtime's throws, naming the text).
            do {
                self.init(date: try reader.decodeDate(), wire: nil)
            } catch {
                if text != nil { throw error }
                throw Self.mismatch(reader, format)
            }
        case .unixMilliseconds(let number), .unixSeconds(let number):
            let unitsPerSecond = format.unitsPerSecond ?? 1
            switch number {
            case .int32, .int64:
                let integer: Int64
                do {
                    integer = try reader.decodeInt64()
                } catch {
                    throw Self.mismatch(reader, format)
                }
                guard number == .int64 || Int32(exactly: integer) != nil else { throw Self.mismatch(reader, format) }
                self.init(date: Date(timeIntervalSince1970: Double(integer) / unitsPerSecond), wire: .integer(integer))
            case .number:
                let double: Double
                do {
                    double = try reader.decodeDouble()
                } catch {
                    throw Self.mismatch(reader, format)
                }
                guard double.isFinite else { throw Self.mismatch(reader, format) }
                // The text as sent, when `JSONCoding.decode` is reading the document (`1e300`, not `1e+300`).
                let literal = JSONSourceDocument.current?.number(at: reader.valuePath)
                let number = literal.flatMap { $0.doubleValue == double ? $0 : nil } ?? JSONNumber(double)
                self.init(date: Date(timeIntervalSince1970: double / unitsPerSecond), wire: .number(number))
            }
        }
    }

    /// `Expected a unix-milliseconds timestamp (an integer of format int64) but found the number 1e300.`
    private static func mismatch(_ reader: some TimestampReader, _ format: TimestampFormat) -> DecodingError {
        let found = (try? reader.decodeJSONValue())?.kindDescription ?? "a value that is not one"
        return reader.corrupted("Expected \(format.expectation) but found \(found).")
    }
}

struct KeyedTimestampReader<Key: CodingKey>: TimestampReader {
    let container: KeyedDecodingContainer<Key>
    let key: Key

    var valuePath: [any CodingKey] { container.codingPath + [key] }
    func decodeString() throws -> String { try container.decode(String.self, forKey: key) }
    func decodeInt64() throws -> Int64 { try container.decode(Int64.self, forKey: key) }
    func decodeDouble() throws -> Double { try container.decode(Double.self, forKey: key) }
    func decodeDate() throws -> Date { try container.decode(Date.self, forKey: key) }
    func decodeJSONValue() throws -> JSONValue { try container.decode(JSONValue.self, forKey: key) }

    func corrupted(_ message: String) -> DecodingError {
        .dataCorruptedError(forKey: key, in: container, debugDescription: message)
    }
}

struct SingleValueTimestampReader: TimestampReader {
    let container: any SingleValueDecodingContainer

    var valuePath: [any CodingKey] { container.codingPath }
    func decodeString() throws -> String { try container.decode(String.self) }
    func decodeInt64() throws -> Int64 { try container.decode(Int64.self) }
    func decodeDouble() throws -> Double { try container.decode(Double.self) }
    func decodeDate() throws -> Date { try container.decode(Date.self) }
    func decodeJSONValue() throws -> JSONValue { try container.decode(JSONValue.self) }

    func corrupted(_ message: String) -> DecodingError {
        .dataCorruptedError(in: container, debugDescription: message)
    }
}

// MARK: Encoding

/// A timestamp and its format, as one encodable value.
struct TimestampEncoding: Encodable {
    let value: TimestampValue
    let format: TimestampFormat

    /// The wire form when there is one; else the `Date` in `format`: RFC 3339 through the encoder's date
    /// strategy, unix time as an integer (an `EncodingError` when the format's integer cannot hold it, never a
    /// trap) or a number to the microsecond.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value.wire {
        case .text(let text)?:
            try container.encode(text)
        case .integer(let integer)?:
            try container.encode(integer)
        case .number(let number)?:
            try JSONValue.encode(number, into: &container)
        case nil:
            try encodeDate(into: &container, codingPath: encoder.codingPath)
        }
    }

    private func encodeDate(
        into container: inout any SingleValueEncodingContainer, codingPath: [any CodingKey]
    ) throws {
        switch format {
        case .rfc3339:
            try container.encode(value.date)
        case .unixMilliseconds(let number), .unixSeconds(let number):
            try UnixTimeEncoding.encode(
                value.date, unitsPerSecond: format.unitsPerSecond ?? 1, as: number, into: &container, codingPath: codingPath
            )
        }
    }
}

/// Writes instants as unix time.
enum UnixTimeEncoding {
    /// Writes `date` in units of `1 / unitsPerSecond` seconds, never trapping. An integer format gets the
    /// nearest whole unit, or an `EncodingError` holding the number when the format's integer cannot hold it;
    /// `type: number` gets an integer when the value is a whole number of units that fits `Int64`, else a
    /// decimal to the microsecond. A `Date` holds a millisecond exactly for instants within some 70,000
    /// years of 2001.
    static func encode(
        _ date: Date,
        unitsPerSecond: Double,
        as number: TimestampFormat.UnixNumber,
        into container: inout any SingleValueEncodingContainer,
        codingPath: [any CodingKey]
    ) throws {
        let units = date.timeIntervalSince1970 * unitsPerSecond
        let whole = units.rounded()
        switch number {
        case .int32, .int64:
            guard let integer = Int64(exactly: whole), number == .int64 || Int32(exactly: integer) != nil else {
                // The value is the number, not the `Date`: Foundation's `Date.description` traps on some of these.
                throw EncodingError.invalidValue(units, EncodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "The date is \(units) units of unix time, which \(number.expectation)"
                        + " cannot hold."
                ))
            }
            try container.encode(integer)
        case .number:
            guard units.isFinite else {
                // JSONEncoder rejects non-finite numbers with an EncodingError.
                try container.encode(units)
                return
            }
            // Going through a Date (seconds since 2001 in a Double) leaves an error of a few ulps: a value that
            // close to a whole number, or within a microsecond of it, was one.
            let tolerance = max(unitsPerSecond / 1_000_000, whole.ulp * 4)
            if abs(units - whole) <= tolerance, let integer = Int64(exactly: whole) {
                try container.encode(integer)
                return
            }
            let microsecondsPerUnit = 1_000_000 / unitsPerSecond
            try container.encode((units * microsecondsPerUnit).rounded() / microsecondsPerUnit)
        }
    }
}
