import Foundation
import Testing

@testable import SpindleIR

/// docs/CONFIGURATION.md lists every key of `spindle.yaml` the reader accepts, and nothing else.
@Suite struct ConfigurationDocumentTests {
    /// The keys the reader accepts, spelled as the document's first column spells them.
    static var acceptedKeys: Set<String> {
        var keys: Set<String> = []
        for (place, names) in VendorConfig.acceptedKeys {
            for name in names { keys.insert(place.isEmpty ? name : place + "." + name) }
        }
        return keys
    }

    /// The backticked key in the first cell of each row of the document's tables.
    static func documentedKeys() throws -> Set<String> {
        let text = try String(contentsOfFile: RepositoryPaths.root + "/docs/CONFIGURATION.md", encoding: .utf8)
        var keys: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            keys.insert(String(cell))
        }
        return keys
    }

    @Test func everyAcceptedKeyIsDocumentedAndEveryDocumentedKeyIsAccepted() throws {
        let documented = try Self.documentedKeys()
        let accepted = Self.acceptedKeys
        #expect(accepted.subtracting(documented).sorted() == [], "keys the reader accepts that docs/CONFIGURATION.md does not list")
        #expect(documented.subtracting(accepted).sorted() == [], "keys docs/CONFIGURATION.md lists that the reader refuses")
    }
}
