import Foundation

/// RFC 3339 timestamps, parsed and formatted by hand: `ISO8601DateFormatter` is not `Sendable`, needs one
/// configuration per fraction style, and differs between Darwin and Linux Foundation.
enum RFC3339 {
    /// `2025-10-26T10:00:00.000Z`: UTC with milliseconds, or with microseconds when the instant has any
    /// (`2025-10-26T10:00:00.123456Z`), so a timestamp decoded from a server is written back as precisely as it
    /// came (a `Date` holds about a tenth of a microsecond at today's dates; finer digits are rounded).
    ///
    /// Returns `nil` for instants outside the years 0000–9999, which RFC 3339 cannot spell, and for
    /// non-finite dates. The last `Date` step of year 9999 reaches into year 10000 (`Date`s there are 30 µs
    /// apart, and `9999-12-31T23:59:59.999999Z` decodes to the `Date` of 10000-01-01T00:00:00Z), so that
    /// instant is written as the last microsecond of 9999: every `Date` decoded from RFC 3339 can be written.
    static func string(from date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= CivilDate.earliestSecond, seconds <= CivilDate.latestSecond + 1 else {
            return nil
        }
        var microseconds = Int64((seconds * 1_000_000).rounded())
        // A Date far from 2001 holds fewer digits than a microsecond (30 µs in year 9999): digits within that
        // error of a whole millisecond are noise, not precision the server sent.
        let noise = 2 * (date.timeIntervalSinceReferenceDate.ulp + seconds.ulp) * 1_000_000
        let (milliseconds, microsecondOfMillisecond) = floorDivision(microseconds, 1000)
        if Double(min(microsecondOfMillisecond, 1000 - microsecondOfMillisecond)) <= noise {
            microseconds = (milliseconds + (microsecondOfMillisecond >= 500 ? 1 : 0)) * 1000
        }
        // Rounding carries the last `Date` step of 9999 into year 10000; see above.
        microseconds = min(microseconds, (CivilDate.latestDay + 1) * 86_400_000_000 - 1)
        let (days, microsecondOfDay) = floorDivision(microseconds, 86_400_000_000)
        let civil = CivilDate(daysSinceEpoch: days)
        let secondOfDay = microsecondOfDay / 1_000_000
        let fraction = microsecondOfDay % 1_000_000
        let fractionText = fraction % 1000 == 0 ? pad(fraction / 1000, 3) : pad(fraction, 6)
        return civil.description + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + fractionText + "Z"
    }

    /// `string(from:)`, or an `EncodingError` naming the date when RFC 3339 cannot spell it.
    static func encodedString(from date: Date, codingPath: [any CodingKey]) throws -> String {
        guard let text = string(from: date) else {
            // The value is the number, not the `Date`: Foundation's `Date.description` traps on some of these.
            throw EncodingError.invalidValue(date.timeIntervalSince1970, EncodingError.Context(
                codingPath: codingPath,
                debugDescription: "The date \(date.timeIntervalSince1970) s since 1970 is outside the years 0000–9999 that RFC 3339 can write."
            ))
        }
        return text
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with or without fractional seconds (any number of
    /// digits), a lower-case `t`/`z` or a space separator, as RFC 3339 §5.6 allows.
    static func date(from string: String) -> Date? {
        var scanner = DigitScanner(Array(string.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              let civil = CivilDate(year: year, month: month, day: day),
              scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), hour < 24, scanner.skip(":"),
              let minute = scanner.number(digits: 2), minute < 60, scanner.skip(":"),
              let second = scanner.number(digits: 2), second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            guard let digits = scanner.digitRun(), !digits.isEmpty else { return nil }
            fraction = Double("0." + digits) ?? 0
        }
        guard let offsetSeconds = scanner.timeZoneOffset(), scanner.isAtEnd else { return nil }
        let seconds = civil.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    static func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Reads fixed-width numbers and punctuation from ASCII bytes.
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func number(digits count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func digitRun() -> String? {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    /// `Z`/`z` is zero; `±HH:MM` or `±HHMM` is returned in seconds east of UTC.
    mutating func timeZoneOffset() -> Int64? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int64
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2) else { return nil }
        _ = skip(":")
        guard let minutes = number(digits: 2), hours < 24, minutes < 60 else { return nil }
        return sign * Int64(hours * 3600 + minutes * 60)
    }
}
