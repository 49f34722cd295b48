import Foundation

/// A date without a time of day or time zone (OpenAPI `format: date`), coded as `2024-01-15`.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible, ParameterEncodable {
    /// The year, e.g. `2024`.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int
    /// The day of the month, `1...31`.
    public let day: Int

    /// Creates a date, or returns `nil` if the day does not exist (e.g. February 30th) or the year is outside
    /// 0–9999 (`YYYY-MM-DD` has four digits).
    public init?(year: Int, month: Int, day: Int) {
        guard let civil = CivilDate(year: year, month: month, day: day) else { return nil }
        self.init(civil)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ description: String) {
        var scanner = DigitScanner(Array(description.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.isAtEnd
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The calendar date on which `date` falls in `timeZone` (UTC by default); dates before 0000-01-01 or after
    /// 9999-12-31 give those days.
    public init(_ date: Date, in timeZone: TimeZone = .gmt) {
        let local = floor(date.timeIntervalSince1970) + Double(timeZone.secondsFromGMT(for: date))
        // Clamped before the conversion to Int64, which traps on values it cannot hold (and on NaN).
        let seconds = local.isNaN ? 0 : min(max(local, CivilDate.earliestSecond), CivilDate.latestSecond)
        self.init(CivilDate(daysSinceEpoch: RFC3339.floorDivision(Int64(seconds), 86_400).quotient))
    }

    private init(_ civil: CivilDate) {
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// The instant this date starts in `timeZone` (midnight UTC by default).
    public func date(in timeZone: TimeZone = .gmt) -> Date {
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(civil.daysSinceEpoch * 86_400))
        let offset = timeZone.secondsFromGMT(for: utcMidnight)
        return utcMidnight.addingTimeInterval(TimeInterval(-offset))
    }

    private var civil: CivilDate {
        CivilDate(validated: year, month, day)
    }

    /// `YYYY-MM-DD`
    public var description: String { civil.description }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a date such as 2024-01-15 but found \"\(text)\"."
            )
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `YYYY-MM-DD`
    public func parameterValue() -> ParameterValue { .text(description) }
}
