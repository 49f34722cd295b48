import Foundation
import SpindleRuntime
import Testing

/// JSON Lines and JSON text sequences (RFC 7464) decode item by item, whatever chunks the bytes arrive in.
@Suite struct JSONStreamDecodingTests {
    struct Item: Codable, Sendable, Equatable {
        var id: Int
        var name: String?
    }

    @Test func jsonLinesSkipBlankLinesAcceptCRLFAndAnUnterminatedLastLine() async throws {
        let stream = "\u{FEFF}{\"id\":1}\r\n\n  \r\n{\"id\":2,\"name\":\"two\"}\n{\"id\":3}"
        for chunks in ChunkedBytes.everySplit(of: stream) {
            let items = try await Array(chunks.jsonLines(of: Item.self))
            #expect(items == [Item(id: 1), Item(id: 2, name: "two"), Item(id: 3)], "chunks \(chunks.chunks.map(\.count))")
        }
    }

    @Test func aMalformedLineNamesItsIndexOffsetAndPath() async throws {
        let stream = "{\"id\":1}\n\n{\"id\":2}\n{\"id\":\"three\"}\n{\"id\":4}\n"
        let (items, error) = await collect(ChunkedBytes([Array(stream.utf8)]).jsonLines(of: Item.self))
        #expect(items == [Item(id: 1), Item(id: 2)])
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.format == .jsonLines)
        #expect(failure.index == 2)
        #expect(failure.offset == 19)
        #expect(failure.path == "id")
        #expect(failure.item == Data(#"{"id":"three"}"#.utf8))
    }

    @Test func invalidJSONOnALineIsMalformed() async throws {
        let (items, error) = await collect(ChunkedBytes([Array("{\"id\":1} {\"id\":2}\n".utf8)]).jsonLines(of: JSONValue.self))
        #expect(items.isEmpty)
        #expect((error as? StreamDecodingError)?.kind == .malformed)
        #expect((error as? StreamDecodingError)?.index == 0)
    }

    @Test func aLineLongerThanTheLimitFails() async throws {
        let line = "{\"id\":1,\"name\":\"" + String(repeating: "n", count: 300) + "\"}\n"
        let (_, error) = await collect(ChunkedBytes([Array(line.utf8)]).jsonLines(of: Item.self, maxLineBytes: 100))
        #expect((error as? StreamDecodingError)?.kind == .tooLarge(limit: 100))
    }

    static let rs = "\u{1E}"

    @Test func jsonSequenceItemsMayBePrettyPrintedAndScalars() async throws {
        let rs = Self.rs
        let stream = "\(rs){\"id\":1}\n\(rs)\(rs){\n  \"id\": 2,\n  \"name\": \"a\\\"}\\n\"\n}\n\(rs)  {\"id\":3}  \n"
        for chunks in ChunkedBytes.everySplit(of: stream) {
            let items = try await Array(chunks.jsonSequence(of: Item.self))
            #expect(items == [Item(id: 1), Item(id: 2, name: "a\"}\n"), Item(id: 3)], "chunks \(chunks.chunks.map(\.count))")
        }
        let scalars = try await Array(ChunkedBytes([Array("\(rs)12\n\(rs)true\n\(rs)\"x\"\n".utf8)]).jsonSequence(of: JSONValue.self))
        #expect(scalars == [12, true, "x"])
    }

    @Test func aJSONSequenceItemCutShortByTheNextRSIsTruncated() async throws {
        let rs = Self.rs
        // "12" without its LF may be the start of "123": RFC 7464 section 2.4.
        let (items, error) = await collect(ChunkedBytes([Array("\(rs){\"id\":1}\n\(rs)12\(rs){\"id\":3}\n".utf8)]).jsonSequence(of: JSONValue.self))
        #expect(items == [["id": 1]])
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.kind == .truncated)
        #expect(failure.index == 1)
        #expect(failure.offset == 10)
        #expect(failure.item == Data("12".utf8))
    }

    @Test func aJSONSequenceEndingMidItemIsTruncated() async throws {
        let (items, error) = await collect(ChunkedBytes([Array("\(Self.rs){\"id\":1}\n\(Self.rs){\"id\":".utf8)]).jsonSequence(of: Item.self))
        #expect(items == [Item(id: 1)])
        #expect((error as? StreamDecodingError)?.kind == .truncated)
    }

    @Test func bytesBeforeTheFirstRSAreAnError() async throws {
        let (_, error) = await collect(ChunkedBytes([Array("{\"id\":1}\n".utf8)]).jsonSequence(of: Item.self))
        #expect((error as? StreamDecodingError)?.kind == .malformed)
        #expect((error as? StreamDecodingError)?.offset == 0)
    }

    @Test func aMalformedSequenceItemNamesItsPath() async throws {
        let (_, error) = await collect(ChunkedBytes([Array("\(Self.rs){\"id\":1}\n\(Self.rs){\"id\":true}\n".utf8)]).jsonSequence(of: Item.self))
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.kind == .malformed)
        #expect((failure.index, failure.offset, failure.path) == (1, 10, "id"))
    }
}
