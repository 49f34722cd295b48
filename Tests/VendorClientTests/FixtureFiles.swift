import Foundation
import SpindleRuntime

/// The vendors' documented example payloads in `Tests/Fixtures`.
enum FixtureFiles {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures")
    }()

    static func data(_ vendor: String, _ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(vendor).appendingPathComponent(name))
    }
}

/// JSON in a canonical text form (sorted keys), so payloads compare by content.
func canonicalJSON(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: canonical, as: UTF8.self)
}

/// Decodes `data` as `T` with the runtime's coders, encodes it back, and returns both canonical forms.
func roundTrip<T: Codable>(_ type: T.Type, _ data: Data) throws -> (original: String, reencoded: String, value: T) {
    let value = try JSONCoding.makeDecoder().decode(T.self, from: data)
    let encoded = try JSONCoding.makeEncoder().encode(value)
    return (try canonicalJSON(data), try canonicalJSON(encoded), value)
}
