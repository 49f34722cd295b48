import Foundation
import SpindleRuntime
import Testing

@Suite("Dates")
struct DateCodingTests {
    struct Event: Codable, Equatable {
        var at: Date
    }

    private func decodeDate(_ text: String) throws -> Date {
        try JSONCoding.makeDecoder().decode(Event.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    @Test("RFC 3339 with and without fractional seconds, any offset", arguments: [
        ("2025-10-26T10:00:00Z", 1_761_472_800.0),
        ("2025-10-26T10:00:00.000Z", 1_761_472_800.0),
        ("2025-10-26T10:00:00.5Z", 1_761_472_800.5),
        ("2025-10-26T10:00:00.123456789Z", 1_761_472_800.123456789),
        ("2025-10-26T12:00:00+02:00", 1_761_472_800.0),
        ("2025-10-26T05:30:00-04:30", 1_761_472_800.0),
        ("2025-10-26t10:00:00z", 1_761_472_800.0),
        ("1969-12-31T23:59:59.250Z", -0.75),
        ("2025-10-26", 1_761_436_800.0),
    ])
    func parsing(text: String, seconds: Double) throws {
        #expect(abs(try decodeDate(text).timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test("malformed dates fail with the value in the message", arguments: [
        "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-10-26T10:00:00", "yesterday", "2025-10-26T10:00Z",
    ])
    func malformed(text: String) {
        #expect(throws: DecodingError.self) { try decodeDate(text) }
    }

    @Test("encoding writes UTC with milliseconds")
    func encoding() throws {
        let data = try JSONCoding.makeEncoder().encode(Event(at: Date(timeIntervalSince1970: -0.75)))
        #expect(data.text == #"{"at":"1969-12-31T23:59:59.250Z"}"#)
        let roundTrip = Event(at: Date(timeIntervalSince1970: 1_761_472_800.123))
        let decoded = try JSONCoding.makeDecoder().decode(Event.self, from: JSONCoding.makeEncoder().encode(roundTrip))
        #expect(abs(decoded.at.timeIntervalSince1970 - roundTrip.at.timeIntervalSince1970) < 1e-6)
    }

    struct AutumnCustomer: Codable {
        var createdAt: Date
        var deletedAt: Date?
        var history: [UnixMilliseconds]

        enum CodingKeys: String, CodingKey { case createdAt, deletedAt, history }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            createdAt = try container.decodeUnixMilliseconds(forKey: .createdAt)
            deletedAt = try container.decodeUnixMillisecondsIfPresent(forKey: .deletedAt)
            history = try container.decode([UnixMilliseconds].self, forKey: .history)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeUnixMilliseconds(createdAt, forKey: .createdAt)
            try container.encodeUnixMillisecondsIfPresent(deletedAt, forKey: .deletedAt)
            try container.encode(history, forKey: .history)
        }
    }

    @Test("unix milliseconds surface as Date and encode back as integers")
    func unixMilliseconds() throws {
        let json = #"{"createdAt":1771409161016,"deletedAt":null,"history":[0,1500]}"#
        let customer = try JSONCoding.makeDecoder().decode(AutumnCustomer.self, from: Data(json.utf8))
        #expect(customer.createdAt == Date(timeIntervalSince1970: 1_771_409_161.016))
        #expect(customer.deletedAt == nil)
        #expect(customer.history.map(\.date.timeIntervalSince1970) == [0, 1.5])
        #expect(try JSONCoding.makeEncoder().encode(customer).text == #"{"createdAt":1771409161016,"history":[0,1500]}"#)
    }

    @Test("unix seconds")
    func unixSeconds() throws {
        let value = try JSONDecoder().decode(UnixSeconds.self, from: Data("1680000000".utf8))
        #expect(value.date == Date(timeIntervalSince1970: 1_680_000_000))
        #expect(try JSONEncoder().encode(value).text == "1680000000")
    }

    @Test("calendar dates code as YYYY-MM-DD, validate and order")
    func calendarDates() throws {
        let date = try #require(CalendarDate(year: 2024, month: 1, day: 15))
        #expect(try JSONEncoder().encode([date]).text == #"["2024-01-15"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-02-29"]"#.utf8)).first?.day == 29)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
        #expect(CalendarDate("2024-01-15") == date)
        #expect(CalendarDate("2024-1-15") == nil)
        #expect(CalendarDate(year: 2023, month: 12, day: 31)! < date)
        #expect(date.date() == Date(timeIntervalSince1970: 1_705_276_800))
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_705_276_799)) == CalendarDate("2024-01-14"))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_705_276_799), in: tokyo) == date)
        #expect(date.date(in: tokyo) == Date(timeIntervalSince1970: 1_705_276_800 - 9 * 3600))
    }
}
