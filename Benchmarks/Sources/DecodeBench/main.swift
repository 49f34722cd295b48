// decode-bench: decoding one large Stigg customer list with three model sets.
//
//   decode-bench FIXTURE [COUNT] [ROUNDS]
//
// FIXTURE is Tests/Fixtures/stigg/customers-list-200.json; its customer is the template for COUNT
// (default 1,000) customers with varied values (seeded, so every run decodes the same bytes).
// Candidates, all decoding the same Data in the same process, interleaved round by round:
//   spindle      Stigg.CustomerListResponse (the main package's generated Stigg module), JSONCoding.makeDecoder()
//   handwritten  HandWritten.CustomerList (synthesized Codable),                        JSONCoding.makeDecoder()
//   sog          Components.Schemas.CustomerListResponseDto (SOG 1.14.3 from customers.yaml), JSONCoding.makeDecoder()
//   sog-runtime  the SOG types with the decoder OpenAPIRuntime's Converter builds (ISO8601DateTranscoder
//                .iso8601WithFractionalSeconds), i.e. what a SOG client really runs
//   handwritten-formatstyle  the hand-written models with Foundation's Date.ISO8601FormatStyle
// Prints one JSON object: per candidate the median/min/max milliseconds per decode.

import Foundation
import OpenAPIRuntime
import SOGStiggTypes
import SpindleRuntime
import Stigg

// MARK: - Input

/// SplitMix64: a small deterministic generator so the data set is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func timestamp(_ seconds: Int, milliseconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    return String(
        format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
        Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
}

/// `count` customers shaped like the fixture's, with values varied field by field.
func makeCustomerList(template: [String: Any], count: Int) -> Data {
    var random = SeededGenerator(state: 42)
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    func token(_ length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
    }
    func date(_ base: Int) -> String { timestamp(base, milliseconds: Int.random(in: 0..<1000, using: &random)) }
    let currencies = ["usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "sek", "nok", "dkk", "ils", "inr", "brl", "mxn", "try"]
    let vendors = ["AUTH0", "ZUORA", "STRIPE", "HUBSPOT", "AWS_MARKETPLACE", "SNOWFLAKE", "SALESFORCE", "BIG_QUERY"]
    let zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"]
    let languages = ["en", "de", "fr", "ja", "he", "pt-BR"]
    func address() -> [String: Any] {
        var address: [String: Any] = ["city": "City \(token(6))", "country": ["US", "DE", "IL", "JP"].randomElement(using: &random)!]
        address["line1"] = "\(Int.random(in: 1..<999, using: &random)) \(token(8)) Street"
        if chance(40) { address["line2"] = "Suite \(Int.random(in: 1..<500, using: &random))" }
        if chance(80) { address["postalCode"] = String(Int.random(in: 10000..<99999, using: &random)) }
        if chance(50) { address["state"] = token(2).uppercased() }
        return address
    }
    var customers: [[String: Any]] = []
    for index in 0..<count {
        var customer = template
        let created = 1_700_000_000 + index * 3_607
        customer["createdAt"] = date(created)
        customer["updatedAt"] = date(created + Int.random(in: 0..<9_000_000, using: &random))
        customer["archivedAt"] = chance(20) ? date(created + 9_000_000) : NSNull()
        customer["name"] = chance(90) ? "Customer \(token(5)) \(index)" : NSNull()
        customer["email"] = chance(85) ? "user\(index).\(token(4))@example.com" : NSNull()
        customer["billingId"] = chance(90) ? "cus_\(token(14))" : NSNull()
        customer["id"] = "customer-\(String(index, radix: 16))-\(token(6))"
        customer["billingCurrency"] = chance(90) ? currencies.randomElement(using: &random)! : NSNull()
        if chance(85) {
            customer["metadata"] = Dictionary(
                uniqueKeysWithValues: (0..<Int.random(in: 0...3, using: &random)).map { ("key\($0)", token(10)) })
        } else {
            customer["metadata"] = nil
        }
        customer["integrations"] = (0..<Int.random(in: 0...3, using: &random)).map { _ -> [String: Any] in
            [
                "vendorIdentifier": vendors.randomElement(using: &random)!,
                "syncedEntityId": chance(70) ? "ent_\(token(12))" : NSNull(), "id": "int_\(token(10))",
            ]
        }
        if chance(70) {
            customer["defaultPaymentMethod"] = [
                "type": ["CARD", "BANK", "CASH_APP"].randomElement(using: &random)!,
                "billingId": chance(90) ? "pm_\(token(24))" : NSNull(),
                "cardLast4Digits": chance(80) ? String(Int.random(in: 1000..<9999, using: &random)) : NSNull(),
                "cardExpiryMonth": chance(80) ? Int.random(in: 1...12, using: &random) as Any : NSNull(),
                "cardExpiryYear": chance(80) ? Int.random(in: 2025...2035, using: &random) as Any : NSNull(),
            ] as [String: Any]
        } else {
            customer["defaultPaymentMethod"] = NSNull()
        }
        let coupon = Int.random(in: 0..<10, using: &random)
        customer["couponId"] = coupon < 5 ? "coupon-\(token(6))" as Any : coupon < 6 ? "" : NSNull()
        customer["timezone"] = chance(60) ? zones.randomElement(using: &random)! : NSNull()
        customer["language"] = chance(70) ? languages.randomElement(using: &random)! : NSNull()
        if chance(60) {
            var stripe: [String: Any] = ["invoiceCustomFields": chance(50) ? ["po": token(8)] : [:]]
            if chance(60) { stripe["customerName"] = "Billing \(token(7))" }
            if chance(60) { stripe["billingAddress"] = address() }
            if chance(30) { stripe["shippingAddress"] = address() }
            if chance(40) { stripe["paymentMethodId"] = "pm_\(token(20))" }
            if chance(30) { stripe["taxIds"] = [["type": "eu_vat", "value": "DE\(token(9))"]] }
            var passthrough: [String: Any] = ["stripe": stripe]
            if chance(30) {
                passthrough["zuora"] = ["currency": currencies.randomElement(using: &random)!, "billingAddress": address()]
            } else {
                passthrough["zuora"] = [String: Any]()
            }
            customer["passthrough"] = passthrough
        } else {
            customer["passthrough"] = nil
        }
        customers.append(customer)
    }
    let list: [String: Any] = [
        "data": customers,
        "pagination": ["next": "c9b0a382-5b7d-4d32-9f62-8c4e1a7b3d9f", "prev": NSNull()],
    ]
    return try! JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])
}

// MARK: - Candidates

/// The decoder OpenAPIRuntime's Converter builds from `Configuration(dateTranscoder:)`.
func sogRuntimeDecoder() -> JSONDecoder {
    let transcoder: any DateTranscoder = ISO8601DateTranscoder.iso8601WithFractionalSeconds
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
        let container = try decoder.singleValueContainer()
        return try transcoder.decode(try container.decode(String.self))
    }
    return decoder
}

func formatStyleDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    decoder.dateDecodingStrategy = .custom { decoder in
        let container = try decoder.singleValueContainer()
        return try style.parse(try container.decode(String.self))
    }
    return decoder
}

struct Candidate {
    var name: String
    /// Decodes the list and returns a digest of what was decoded (customer count + checks).
    var decode: (Data) throws -> Summary
}

/// What every candidate must agree on, so a fast but wrong decode cannot pass.
struct Summary: Equatable {
    var customers = 0
    var integrations = 0
    var archived = 0
    var dateSum = 0.0
    var idBytes = 0
}

typealias SOGCustomerList = Components.Schemas.CustomerListResponseDto

let spindleDecoder = JSONCoding.makeDecoder()
let handDecoder = JSONCoding.makeDecoder()
let sogDecoder = JSONCoding.makeDecoder()
let sogRuntime = sogRuntimeDecoder()
let handStyle = formatStyleDecoder()

let candidates: [Candidate] = [
    Candidate(name: "spindle") { data in
        let list = try spindleDecoder.decode(Stigg.CustomerListResponse.self, from: data)
        return list.data.reduce(into: Summary()) { summary, customer in
            summary.customers += 1
            summary.integrations += customer.integrations?.count ?? 0
            summary.archived += customer.archivedAt == nil ? 0 : 1
            summary.dateSum += customer.createdAt.timeIntervalSince1970
            summary.idBytes += customer.id.utf8.count
        }
    },
    Candidate(name: "handwritten") { data in
        let list = try handDecoder.decode(HandWritten.CustomerList.self, from: data)
        return summarize(list)
    },
    Candidate(name: "sog") { data in
        summarize(try sogDecoder.decode(SOGCustomerList.self, from: data))
    },
    Candidate(name: "sog-runtime") { data in
        summarize(try sogRuntime.decode(SOGCustomerList.self, from: data))
    },
    Candidate(name: "handwritten-formatstyle") { data in
        summarize(try handStyle.decode(HandWritten.CustomerList.self, from: data))
    },
]

func summarize(_ list: HandWritten.CustomerList) -> Summary {
    list.data.reduce(into: Summary()) { summary, customer in
        summary.customers += 1
        summary.integrations += customer.integrations?.count ?? 0
        summary.archived += customer.archivedAt == nil ? 0 : 1
        summary.dateSum += customer.createdAt.timeIntervalSince1970
        summary.idBytes += customer.id.utf8.count
    }
}

func summarize(_ list: SOGCustomerList) -> Summary {
    list.data.reduce(into: Summary()) { summary, customer in
        summary.customers += 1
        summary.integrations += customer.integrations?.count ?? 0
        summary.archived += customer.archivedAt == nil ? 0 : 1
        summary.dateSum += customer.createdAt.timeIntervalSince1970
        summary.idBytes += customer.id.utf8.count
    }
}

// MARK: - Run

let arguments = Array(CommandLine.arguments.dropFirst())
guard let fixture = arguments.first else {
    FileHandle.standardError.write(Data("usage: decode-bench FIXTURE [COUNT] [ROUNDS]\n".utf8))
    exit(2)
}
let count = arguments.count > 1 ? Int(arguments[1])! : 1_000
let rounds = arguments.count > 2 ? Int(arguments[2])! : 30

let fixtureObject = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture))) as! [String: Any]
let template = (fixtureObject["data"] as! [[String: Any]])[0]
let data = makeCustomerList(template: template, count: count)
if let dump = ProcessInfo.processInfo.environment["DECODE_BENCH_DUMP"] {
    try data.write(to: URL(fileURLWithPath: dump))
}

// Every candidate must decode the same content.
let reference = try candidates[0].decode(data)
for candidate in candidates.dropFirst() {
    let summary = try candidate.decode(data)
    guard summary == reference else {
        FileHandle.standardError.write(Data("\(candidate.name) decoded \(summary), spindle \(reference)\n".utf8))
        exit(1)
    }
}
guard reference.customers == count else { fatalError("decoded \(reference.customers) of \(count)") }

let clock = ContinuousClock()
func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
}

// Warm-up, then rounds; within a round the candidates take turns, starting one later each round.
for _ in 0..<3 { for candidate in candidates { _ = try candidate.decode(data) } }
var samples: [String: [Double]] = [:]
for round in 0..<rounds {
    for offset in 0..<candidates.count {
        let candidate = candidates[(round + offset) % candidates.count]
        let start = clock.now
        let summary = try candidate.decode(data)
        let elapsed = milliseconds(start.duration(to: clock.now))
        precondition(summary.customers == count)
        samples[candidate.name, default: []].append(elapsed)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

var results: [String: Any] = [:]
for candidate in candidates {
    let values = samples[candidate.name]!
    results[candidate.name] = ["median": median(values), "min": values.min()!, "max": values.max()!, "rounds": values.count]
}
let output: [String: Any] = [
    "customers": count, "bytes": data.count, "candidates": results, "order": candidates.map(\.name),
]
print(String(decoding: try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys]), as: UTF8.self))
