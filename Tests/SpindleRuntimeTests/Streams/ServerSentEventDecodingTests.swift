import Foundation
import SpindleRuntime
import Testing

/// Server-Sent Events are parsed by the WHATWG rules, whatever chunks the bytes arrive in.
@Suite struct ServerSentEventDecodingTests {
    typealias Event = ServerSentEvent<String>

    func events(_ text: String) async throws -> [Event] {
        try await Array(ChunkedBytes([Array(text.utf8)]).serverSentEvents())
    }

    @Test func fieldsCommentsAndMultiLineData() async throws {
        let stream = [
            ": a comment, then an event with two data lines", "data: first line", "data: second line", "",
            "event: update", "id: 7", #"data:{"a":1}"#, "",
            "data", "data:  two spaces, one kept", "", "",
        ].joined(separator: "\n")
        #expect(try await events(stream) == [
            Event(data: "first line\nsecond line"),
            Event(data: #"{"a":1}"#, event: "update", id: "7"),
            // The last event id is carried over; `data` without a colon is an empty line of data.
            Event(data: "\n two spaces, one kept", id: "7"),
        ])
    }

    @Test func anEventWithoutDataIsNotDispatchedAndItsTypeDoesNotLeak() async throws {
        let stream = "event: ping\nid: 1\n\ndata: x\n\n"
        #expect(try await events(stream) == [Event(data: "x", id: "1")])
    }

    @Test func retryIsIntegerMillisecondsAndIsCarriedOver() async throws {
        let stream = "retry: 2500\n\ndata: a\n\nretry: 1.5\ndata: b\n\nretry: soon\nretry: 99999999999999999999999\ndata: c\n\n"
        #expect(try await events(stream) == [
            Event(data: "a", retry: .milliseconds(2500)),
            Event(data: "b", retry: .milliseconds(2500)),
            Event(data: "c", retry: .milliseconds(2500)),
        ])
    }

    @Test func anIDWithNULIsIgnoredAndAnEmptyIDResetsIt() async throws {
        let stream = "id: a\ndata: 1\n\nid: b\0c\ndata: 2\n\nid\ndata: 3\n\n"
        #expect(try await events(stream) == [Event(data: "1", id: "a"), Event(data: "2", id: "a"), Event(data: "3")])
    }

    @Test func unknownFieldsAndFieldNamesAreCaseSensitive() async throws {
        #expect(try await events("Data: no\nfoo: bar\ndata: yes\n\n") == [Event(data: "yes")])
    }

    @Test func anEventNotEndedByABlankLineIsDiscarded() async throws {
        #expect(try await events("data: kept\n\ndata: cut off\n") == [Event(data: "kept")])
    }

    @Test(arguments: ["\n", "\r", "\r\n"])
    func everyLineEndAndEverySplitGivesTheSameEvents(lineEnd: String) async throws {
        let stream = ["\u{FEFF}: hello", "event: a", "data: 1", "data: 2", "", "", "id: x", "data: é€𝄞", ""]
            .joined(separator: lineEnd) + lineEnd
        let expected = [Event(data: "1\n2", event: "a"), Event(data: "é€𝄞", id: "x")]
        for chunks in ChunkedBytes.everySplit(of: stream) {
            let result = try await Array(chunks.serverSentEvents())
            #expect(result == expected, "chunks \(chunks.chunks.map(\.count))")
        }
    }

    @Test func aCRAtTheEndOfAChunkAndAnLFAtTheStartOfTheNextAreOneLineEnd() async throws {
        // Were they two, the empty line between would dispatch "a" on its own and drop the type.
        let chunks = ChunkedBytes([Array("data: a\r".utf8), Array("\nevent: t\r\n\r\n".utf8)])
        #expect(try await Array(chunks.serverSentEvents()) == [Event(data: "a", event: "t")])
    }

    @Test func onlyALeadingByteOrderMarkIsDropped() async throws {
        // A second BOM is part of the field name, which is then no known field.
        #expect(try await events("\u{FEFF}data: 1\n\n\u{FEFF}data: 2\n\ndata: 3\n\n") == [Event(data: "1"), Event(data: "3")])
    }

    @Test func anEventArrivesAsSoonAsItsBlankLineDoes() async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        var events = stream.serverSentEvents().makeAsyncIterator()
        continuation.yield(Array("data: first\n".utf8))
        continuation.yield(Array("\ndata: sec".utf8))
        // The stream is still open: the first event must not wait for it.
        #expect(try await events.next()?.data == "first")
        continuation.yield(Array("ond\n\n".utf8))
        #expect(try await events.next()?.data == "second")
        continuation.finish()
        #expect(try await events.next() == nil)
    }

    struct Tick: Decodable, Sendable, Equatable {
        var n: Int
        var label: String
    }

    @Test func typedDataDecodesAndDONEEndsTheStream() async throws {
        let stream = "data: {\"n\":1,\"label\":\"a\"}\n\nevent: x\ndata: {\"n\":2,\ndata: \"label\":\"b\"}\n\ndata: [DONE]\n\ndata: never\n\n"
        let result = try await Array(ChunkedBytes([Array(stream.utf8)]).serverSentEvents(of: Tick.self))
        #expect(result == [
            ServerSentEvent(data: Tick(n: 1, label: "a")),
            ServerSentEvent(data: Tick(n: 2, label: "b"), event: "x"),
        ])
    }

    @Test func aMalformedEventNamesItsIndexOffsetAndPath() async throws {
        let stream = "data: {\"n\":1,\"label\":\"a\"}\n\n: note\ndata: {\"n\":\"two\",\"label\":\"b\"}\n\n"
        let (events, error) = await collect(ChunkedBytes([Array(stream.utf8)]).serverSentEvents(of: Tick.self))
        #expect(events.map(\.data.n) == [1])
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.kind == .malformed)
        #expect(failure.index == 1)
        // The event starts at its comment line, after the first event's 27 bytes.
        #expect(failure.offset == 27)
        #expect(failure.path == "n")
        #expect(failure.description.hasPrefix("Could not decode item 1 of the Server-Sent Events stream, at byte 27, at n: "))
    }

    @Test func anEventLargerThanTheLimitFailsInsteadOfGrowing() async throws {
        let big = "data: " + String(repeating: "x", count: 5000) + "\n\n"
        let (events, error) = await collect(ChunkedBytes([Array("data: ok\n\n".utf8), Array(big.utf8)]).serverSentEvents(maxEventBytes: 1024))
        #expect(events.map(\.data) == ["ok"])
        let failure = try #require(error as? StreamDecodingError)
        #expect(failure.kind == .tooLarge(limit: 1024))
        #expect(failure.index == 1)
        #expect(failure.offset == 10)
    }
}

extension Array {
    /// Every element of an async sequence.
    init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
        self = []
        for try await element in sequence { append(element) }
    }
}
