import Foundation

/// The JSON conventions generated clients use: RFC 3339 dates (read with or without fractional seconds,
/// written in UTC with milliseconds, or microseconds when the date has them) and sorted keys so request bodies are deterministic.
public enum JSONCoding {
    /// A decoder whose `Date` strategy accepts `2025-10-26T10:00:00Z`, `2025-10-26T10:00:00.123456+02:00`
    /// and date-only `2025-10-26` (midnight UTC). Unix timestamps are opt-in per field (`WireDate`,
    /// `UnixMilliseconds`).
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = RFC3339.date(from: text) ?? CalendarDate(text)?.date() {
                return date
            }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 date-time such as 2025-10-26T10:00:00Z but found \"\(text)\"."
            )
        }
        return decoder
    }

    /// An encoder writing dates as `2025-10-26T10:00:00.000Z` (`.123456Z` when the date has microseconds),
    /// keys sorted, slashes unescaped. A date outside the years 0000–9999 fails with an `EncodingError`.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.encodedString(from: date, codingPath: encoder.codingPath))
        }
        return encoder
    }

    /// The encoder used for object-valued parameters; the same conventions as request bodies.
    static func makeParameterEncoder() -> JSONEncoder {
        makeEncoder()
    }
}
