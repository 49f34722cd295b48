@testable import SpindleOpenAPI
import SpindleYAML
import Testing

/// The one-pass keyword scan of a schema's keys.
@Suite struct SchemaKeysTests {
    @Test func everyKeywordFitsTheBitSetAndIsFoundAloneAndAmongOthers() throws {
        #expect(SchemaKeys.Keyword.allCases.count <= 64)
        for keyword in SchemaKeys.Keyword.allCases {
            // The keyword between a key one byte longer and one of the same length that differs in its last byte.
            let longer = keyword.spelling + "s"
            let sameLength = String(keyword.spelling.dropLast()) + "#"
            let yaml = "'\(longer)': 1\n'\(sameLength)': 2\n'\(keyword.spelling)': 3\nx-\(keyword.spelling): 4\n"
            let document = try YAMLDocument.parse(Array(yaml.utf8), file: "k.yaml")
            let keys = SchemaKeys(try #require(document.root))
            #expect(keys[keyword]?.scalar == "3", "\(keyword.spelling)")
            #expect(keys.keyNode(for: keyword)?.scalar == keyword.spelling)
            #expect(keys.hasExtensions)
            for other in SchemaKeys.Keyword.allCases where other != keyword {
                #expect(keys[other] == nil, "\(other.spelling) in \(yaml)")
            }
        }
    }
}
