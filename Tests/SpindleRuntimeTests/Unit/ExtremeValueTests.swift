import Foundation
import SpindleRuntime
import Testing

/// Schema-valid but extreme numbers through every runtime model: decoding either succeeds or throws a located
/// error, and whatever decodes encodes without trapping (a trap would end the test process).
@Suite("Extreme values")
struct ExtremeValueTests {
    static let numbers = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "9007199254740993", "9007199254740991", "-9007199254740993", "1e19", "-1e19",
        "1e300", "-1e300", "1.7976931348623157e308", "5e-324", "-0", "0", "-0.0", "0.5", "1771409161016.5",
        "123456789012345678901234567890", "1E400",
    ]

    struct Box<Value: Codable>: Codable {
        var value: Value
    }


    /// Decodes `{"value": number}` as `Value` and, if that works, encodes the result.
    private func sweep<Value: Codable>(_ type: Value.Type, _ number: String) {
        let body = Data(#"{"value": \#(number)}"#.utf8)
        do {
            let decoded = try JSONCoding.decode(Box<Value>.self, from: body)
            _ = try? JSONCoding.makeEncoder().encode(decoded)
        } catch let error as DecodingError {
            let failure = DecodingFailure(error, rawBody: body)
            #expect(failure.path == "value", "\(Value.self) from \(number): \(failure)")
        } catch {
            Issue.record("\(Value.self) from \(number) threw \(error)")
        }
    }

    @Test(arguments: numbers)
    func unixMilliseconds(number: String) {
        sweep(UnixMilliseconds.self, number)
    }

    @Test(arguments: numbers)
    func unixSeconds(number: String) {
        sweep(UnixSeconds.self, number)
    }

    @Test(arguments: numbers)
    func jsonNumbers(number: String) throws {
        sweep(JSONValue.self, number)
        // The parser's own path keeps the digits.
        if let parsed = try? JSONValue(parsing: number), case .number(let value) = parsed {
            _ = value.int64Value
            _ = value.intValue
            _ = value.doubleValue
            _ = value.decimalValue
            // 1E400 is no Double: Codable encoding fails with an error; the JSON text keeps it.
            _ = try? JSONCoding.makeEncoder().encode(parsed)
            #expect(try JSONValue(parsing: parsed.jsonString()) == parsed)
        }
    }

    @Test(arguments: numbers)
    func integersAndDoubles(number: String) {
        sweep(Int.self, number)
        sweep(Int32.self, number)
        sweep(UInt64.self, number)
        sweep(Double.self, number)
        sweep(Decimal.self, number)
    }

    // Seconds since 1970, not `Date`s: Foundation's own `Date.description` traps on some of these, and the test
    // library describes its arguments.
    @Test("dates from extreme instants encode or fail, never trap", arguments: [
        1e300, -1e300, 9.2e18, 253_402_300_800, 253_402_300_799.9999996, -62_167_219_201,
        Date.distantFuture.timeIntervalSince1970, Date.distantPast.timeIntervalSince1970, .infinity, -.infinity, .nan,
        -0.0, 1.7976931348623157e308,
    ])
    func extremeDates(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let encoder = JSONCoding.makeEncoder()
        // Failures are described too: an error that held the `Date` would trap in its description.
        if let error = Result(catching: { try encoder.encode(Box(value: date)) }).failure { _ = "\(error)" }
        if let error = Result(catching: { try encoder.encode(Box(value: UnixMilliseconds(date))) }).failure { _ = "\(error)" }
        if let error = Result(catching: { try encoder.encode(Box(value: UnixSeconds(date))) }).failure { _ = "\(error)" }
        let day = CalendarDate(date)
        #expect((0...9999).contains(day.year))
        if let error = Result(catching: { try date.parameterValue() }).failure { _ = "\(error)" }
    }

    @Test("RFC 3339 beyond year 9999 is an encoding error naming the path")
    func rfc3339OutOfRange() {
        #expect(throws: EncodingError.self) {
            try JSONCoding.makeEncoder().encode(Box(value: Date(timeIntervalSince1970: 1e15)))
        }
        #expect(throws: EncodingFailure.self) { try Date(timeIntervalSince1970: -1e15).parameterValue() }
    }

    @Test("calendar dates outside 0000-9999 are not created", arguments: [
        (Int.max, 1, 1), (Int.min, 1, 1), (10_000, 1, 1), (-1, 12, 31), (2024, Int.max, 1), (2024, 1, Int.min),
    ])
    func calendarDateRange(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test("microseconds and fractional milliseconds survive a round trip", arguments: [
        ("2025-10-26T10:00:00.123456Z", #""2025-10-26T10:00:00.123456Z""#),
        ("2025-10-26T10:00:00.120Z", #""2025-10-26T10:00:00.120Z""#),
        ("2025-10-26T10:00:00Z", #""2025-10-26T10:00:00.000Z""#),
        ("2025-10-26T10:00:00.000001Z", #""2025-10-26T10:00:00.000001Z""#),
        ("9999-12-31T23:59:59.999Z", #""9999-12-31T23:59:59.999Z""#),
        // Issue #28: its `Date` is that of 10000-01-01T00:00:00Z; it could not be written back.
        ("9999-12-31T23:59:59.999999Z", #""9999-12-31T23:59:59.999999Z""#),
    ])
    func rfc3339Precision(text: String, written: String) throws {
        let decoded = try JSONCoding.decode(Box<Date>.self, from: Data(#"{"value":"\#(text)"}"#.utf8))
        let data = try JSONCoding.makeEncoder().encode(decoded)
        #expect(String(decoding: data, as: UTF8.self) == #"{"value":\#(written)}"#)
    }

    @Test("unix timestamps are written back as they came", arguments: [
        "1771409161016", "1771409161016.5", "1771409161016.25", "-1000", "0", "253402300799999", "-62135596800000",
    ])
    func unixMillisecondsPrecision(number: String) throws {
        let decoded = try JSONCoding.decode(Box<UnixMilliseconds>.self, from: Data(#"{"value":\#(number)}"#.utf8))
        let data = try JSONCoding.makeEncoder().encode(decoded)
        #expect(String(decoding: data, as: UTF8.self) == #"{"value":\#(number)}"#)
    }

    @Test("unix seconds keep their fraction")
    func unixSecondsPrecision() throws {
        for number in ["1680000000", "1680000000.5", "1680000000.123456"] {
            let decoded = try JSONCoding.decode(Box<UnixSeconds>.self, from: Data(#"{"value":\#(number)}"#.utf8))
            let data = try JSONCoding.makeEncoder().encode(decoded)
            #expect(String(decoding: data, as: UTF8.self) == #"{"value":\#(number)}"#)
        }
    }
}

extension Result {
    /// The error, if this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
