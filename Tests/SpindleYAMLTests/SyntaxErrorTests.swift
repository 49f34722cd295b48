import SpindleYAML
import Testing

@Suite("libyaml errors")
struct SyntaxErrorTests {
    @Test func mappingValueNotAllowed() {
        #expect(failures("ok: 1\na: b: c\n") == [
            "t.yaml:2:5: error: mapping values are not allowed in this context",
        ])
    }

    @Test func badIndentation() {
        #expect(failures("a:\n  b: 1\n c: 2\n") == [
            "t.yaml:3:2: error: did not find expected key (while parsing a block mapping at line 1, column 1)",
        ])
    }

    @Test func characterThatCannotStartAToken() {
        #expect(failures("a: 1\n@b: 2\n") == [
            "t.yaml:2:1: error: found character that cannot start any token (while scanning for the next token)",
        ])
    }

    @Test func tabIndentation() {
        #expect(failures("paths:\n\tget: 1\n") == [
            "t.yaml:2:1: error: found character that cannot start any token (while scanning for the next token); "
                + "tabs cannot be used for indentation in YAML",
        ])
        #expect(failures("a:\n  b: 1\n\tc: 2\n") == [
            "t.yaml:3:1: error: found a tab character that violates indentation "
                + "(while scanning a plain scalar at line 2, column 6)",
        ])
    }

    @Test func invalidUTF8() {
        #expect(failures(Array("a: b\nc: d\u{e9}f\n".utf8) + [0xFF, 0x41, 0x0A]) == [
            "t.yaml:3:1: error: invalid input: invalid leading UTF-8 octet (0xFF)",
        ])
        #expect(failures(Array("key: ab".utf8) + [0xC3, 0x28, 0x0A]) == [
            "t.yaml:1:9: error: invalid input: invalid trailing UTF-8 octet (0x28)",
        ])
        #expect(failures(Array("key: a".utf8) + [0x00, 0x0A]) == [
            "t.yaml:1:7: error: invalid input: control characters are not allowed (0x00)",
        ])
    }

    @Test func truncatedFiles() {
        #expect(failures(#"{"a": [1, 2"#) == [
            "t.yaml:1:12: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 7)",
        ])
        #expect(failures("a: \"unterminated\nb: 2\n") == [
            "t.yaml:3:1: error: found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)",
        ])
        #expect(failures("a: [1, 2\n") == [
            "t.yaml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)",
        ])
        // A multi-byte character cut in half by truncation.
        #expect(failures(Array("key: ab".utf8) + [0xE2, 0x82]) == [
            "t.yaml:1:8: error: invalid input: incomplete UTF-8 octet sequence",
        ])
    }

    @Test func trailingGarbageAfterJSON() {
        #expect(failures(#"{"a": 1} }"#) == ["t.yaml:1:10: error: did not find expected <document start>"])
    }

    @Test func errorsAreReportedInIgnoredDocumentsToo() {
        #expect(failures("a: 1\n---\nb: [\n") == [
            "t.yaml:2:1: warning: the file contains more than one YAML document; only the first is used [-Wmultiple-documents]",
            "t.yaml:4:1: error: did not find expected node content (while parsing a flow node)",
        ])
    }
}
