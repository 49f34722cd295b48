import Foundation

/// Reads the delay a server asks for.
enum RetryAfter {
    /// `retry-after-ms` (milliseconds, as Stainless APIs send) wins over `Retry-After` (seconds or an HTTP date,
    /// RFC 9110 §10.2.3). Past dates and negative numbers mean "now".
    static func delay(in headers: HTTPHeaders, now: Date) -> Duration? {
        if let text = headers["retry-after-ms"], let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)),
           milliseconds.isFinite
        {
            return .clampedSeconds(milliseconds / 1000)
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return .clampedSeconds(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        return .clampedSeconds(date.timeIntervalSince(now))
    }

    /// Parses the IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`) that servers send today.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
