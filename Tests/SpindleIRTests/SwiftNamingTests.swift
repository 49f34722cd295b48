import SpindleIR
import Testing

/// How spec names split into words and become Swift identifiers, on the ASCII fast path and the
/// Unicode path alike.
@Suite struct SwiftNamingTests {
    static let cases: [(name: String, words: [String])] = [
        ("HTTPServer", ["HTTP", "Server"]),
        ("has_more", ["has", "more"]),
        ("AWS_MARKETPLACE", ["AWS", "MARKETPLACE"]),
        ("X-ACCOUNT-ID", ["X", "ACCOUNT", "ID"]),
        ("2fa", ["2fa"]),
        ("v1Beta2", ["v", "1", "Beta", "2"]),
        ("fooBAR", ["foo", "BAR"]),
        ("ABCdef", ["AB", "Cdef"]),
        ("3DSecure", ["3", "D", "Secure"]),
        ("a1b", ["a", "1b"]),  // a digit ends a word; lower case after digits continues it
        ("A1B", ["A", "1", "B"]),
        ("__x__", ["x"]),
        ("", []),
        ("--", []),
        ("line\r\nbreak", ["line", "break"]),
    ]

    @Test(arguments: cases)
    func asciiNamesSplitIntoWords(_ example: (name: String, words: [String])) {
        #expect(SwiftNaming.words(example.name) == example.words)
    }

    /// A non-ASCII letter sends a name down the Unicode path; the words around it split the same way.
    @Test(arguments: cases)
    func theUnicodePathSplitsAlike(_ example: (name: String, words: [String])) {
        #expect(SwiftNaming.words("é " + example.name) == ["é"] + example.words)
    }

    @Test func unicodeLettersAndDigitsAreKept() {
        #expect(SwiftNaming.words("prénom_über") == ["prénom", "über"])
        #expect(SwiftNaming.words("Ωmega٣") == ["Ωmega", "٣"])
    }

    @Test func identifiers() {
        #expect(SwiftNaming.typeName("AWS_MARKETPLACE") == "AwsMarketplace")
        #expect(SwiftNaming.memberName("X-ACCOUNT-ID") == "xAccountId")
        #expect(SwiftNaming.memberName("2fa") == "_2fa")
        #expect(SwiftNaming.memberName("") == "empty")
        #expect(SwiftNaming.typeName("string") == "StringValue")
        #expect(SwiftNaming.typeName("") == "Value")
    }
}
