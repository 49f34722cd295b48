import Foundation
import SpindleRuntime

/// A generated-style open enum.
struct VendorIdentifier: OpenEnum {
    let rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
    static let stripe = Self(rawValue: "STRIPE")
    static let hubspot = Self(rawValue: "HUBSPOT")
    static let allKnownValues: [Self] = [.stripe, .hubspot]
}

/// A generated-style integer open enum.
struct Priority: OpenEnum {
    let rawValue: Int
    init(rawValue: Int) { self.rawValue = rawValue }
    static let low = Self(rawValue: 1)
    static let allKnownValues: [Self] = [.low]
}

/// A generated-style filter object for deepObject parameters.
struct CreatedAtFilter: Codable, Sendable, ParameterEncodable {
    var gt: Date?
    var lt: Date?
}

/// A nested filter object.
struct PriceFilter: Codable, Sendable, ParameterEncodable {
    struct Range: Codable, Sendable { var min: Int; var max: Int }
    var currency: String
    var amount: Range
    var note: String?
}

let january1 = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
let february1 = Date(timeIntervalSince1970: 1_738_368_000)  // 2025-02-01T00:00:00Z

/// The query a builder produces after one `configure` step.
func query(_ configure: (inout HTTPRequestBuilder) -> Void) -> String {
    var builder = HTTPRequestBuilder(method: .get, path: "/")
    configure(&builder)
    return builder.query
}
