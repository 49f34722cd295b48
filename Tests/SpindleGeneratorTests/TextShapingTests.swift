import Testing

@testable import SpindleGenerator

/// The byte-level text helpers every rendered file passes through.
@Suite struct TextShapingTests {
    @Test func whitespaceIsNormalized() {
        let rendered = "\n\nstruct A {   \n\n\n  let a: Int  \n\n}\n\n\nenum B {\n\n  case b\n   \n  }\n\n"
        #expect(normalizeWhitespace(rendered) == "struct A {\n  let a: Int\n}\n\nenum B {\n  case b\n  }\n")
        #expect(normalizeWhitespace("") == "")
        #expect(normalizeWhitespace("\n \n") == "")
        #expect(normalizeWhitespace("x") == "x\n")
        // Only a line whose first non-space character is `}` drops the blank line before it.
        #expect(normalizeWhitespace("a\n\n  x }\n") == "a\n\n  x }\n")
        // Non-ASCII text passes through untouched.
        #expect(normalizeWhitespace("// café 🐶  \n") == "// café 🐶\n")
    }

    @Test func linesAreIndentedExceptEmptyOnes() {
        #expect(indented("a\n\nb\n") == "    a\n\n    b\n")
        #expect(indented("") == "")
        #expect(indented("é") == "    é")
    }

    @Test func nulIsReplaced() {
        #expect(replacingNUL(in: "a\u{0}b\u{0}", with: "\\0") == "a\\0b\\0")
        #expect(replacingNUL(in: "plain", with: "?") == "plain")
        #expect(replacingNUL(in: "", with: "?") == "")
        #expect(replacingNUL(in: "\u{0}", with: "// header\n") == "// header\n")
        #expect(replacingNUL(in: "\u{0}\u{0}é\u{0}", with: "ü") == "üüéü")
        #expect(replacingNUL(in: "a\u{0}b", with: "") == "ab")
    }
}
