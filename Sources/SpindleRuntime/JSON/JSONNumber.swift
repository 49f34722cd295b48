import Foundation

/// A JSON number kept as its exact text, so any number round-trips: integers beyond 2^53 and beyond
/// `Int64`, more digits than a `Double` holds, exponents beyond its range (`1e400`).
///
/// Numbers parsed from JSON keep their literal text (`1.0` stays `1.0`, `1E-7` stays `1E-7`); numbers
/// created from a `Double` are canonicalized. Equality and hashing are numeric, so `1`, `1.0` and `1e0` are
/// equal.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, Comparable
{
    /// The number's text: as written in the JSON it was parsed from, or canonical for a number created from a
    /// Swift number (`12345678901234567890`, `0.5`, without exponent where possible).
    public let text: String

    /// Creates a number from an integer.
    public init<Integer: BinaryInteger>(_ value: Integer) {
        text = String(value)
    }

    /// Creates a number from a `Double`; integral values print without a fraction (`3`), others in the
    /// shortest form that round-trips, and exponents are expanded when `Decimal` can hold the value.
    public init(_ value: Double) {
        text = Self.canonicalText(value.description, isIntegral: value.rounded() == value, magnitude: abs(value))
    }

    /// Creates a number from a `Float`, using `Float`'s own shortest round-trip text (`0.1`).
    public init(_ value: Float) {
        text = Self.canonicalText(value.description, isIntegral: value.rounded() == value, magnitude: Double(abs(value)))
    }

    /// Creates a number from JSON number text, kept as it is, or returns `nil` if `text` is not a valid JSON
    /// number.
    public init?(text: String) {
        guard JSONNumber.isValidJSONNumber(text) else { return nil }
        self.text = text
    }

    /// Creates a number from text the parser has already scanned as a JSON number.
    init(scannedText: String) {
        text = scannedText
    }

    /// Creates a number from an integer literal.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }

    /// Creates a number from a float literal.
    public init(floatLiteral value: Double) {
        self.init(value)
    }

    /// The nearest `Double`.
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value as `Int64` if it is an integer in range.
    public var int64Value: Int64? {
        if let exact = Int64(text) { return exact }
        guard let double = Double(text), double.rounded() == double, abs(double) < 9.2e18 else { return nil }
        return Int64(double)
    }

    /// The value as `Int` if it is an integer in range.
    public var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

    /// The exact value as a `Decimal` (38 significant digits).
    public var decimalValue: Decimal? { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }

    /// Whether the text has no fraction or exponent.
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The number's text.
    public var description: String { text }

    /// Numeric equality.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.comparisonKey == rhs.comparisonKey
    }

    /// Numeric hashing, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(comparisonKey)
    }

    private enum ComparisonKey: Hashable {
        case exact(Decimal)
        case text(String)
    }

    private var comparisonKey: ComparisonKey {
        decimalValue.map { .exact($0) } ?? .text(text)
    }

    /// Orders by numeric value (via `Decimal` when both are exact, else `Double`).
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.decimalValue, let right = rhs.decimalValue { return left < right }
        return lhs.doubleValue < rhs.doubleValue
    }

    private static func canonicalText(_ description: String, isIntegral: Bool, magnitude: Double) -> String {
        if isIntegral && magnitude < 9.2e18, let integer = Int64(exactly: (Double(description) ?? 0).rounded()) {
            return String(integer)
        }
        return expandExponent(description)
    }

    /// Rewrites `1e-05` as `0.00001` when `Decimal` holds it exactly; leaves other text alone.
    private static func expandExponent(_ text: String) -> String {
        guard text.contains(where: { $0 == "e" || $0 == "E" }),
              let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
              decimal.isFinite
        else { return text }
        let expanded = decimal.description
        return Double(expanded) == Double(text) ? expanded : text
    }

    private static func isValidJSONNumber(_ text: String) -> Bool {
        var parser = JSONParser(bytes: Array(text.utf8))
        guard let scanned = try? parser.scanNumber() else { return false }
        return scanned.count == text.utf8.count
    }
}
