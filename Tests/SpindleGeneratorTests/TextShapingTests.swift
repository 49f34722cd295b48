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

    @Test func onlyTheFirstNULIsTheHeader() {
        #expect(replacingPlaceholder(in: "\u{0}\nbody", with: "// header") == "// header\nbody")
        #expect(replacingPlaceholder(in: "\u{0}a\u{0}b\u{0}", with: "ü") == "üa\u{0}b\u{0}")
        #expect(replacingPlaceholder(in: "plain", with: "?") == "plain")
        #expect(replacingPlaceholder(in: "", with: "?") == "")
        #expect(replacingPlaceholder(in: "é\u{0}", with: "") == "é")
    }

    @Test func specTextInACommentLineCannotEndIt() {
        #expect(commentLine("a\nfunc pwned() {}\r\nb\u{2028}c") == "a func pwned() {} b c")
        #expect(commentLine("x\u{0}y */") == "x\u{2400}y * /")
        #expect(docLines("a\u{0}b") == ["a\u{2400}b"])
    }
}
