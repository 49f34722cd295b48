import Bodies
import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// The generated client's Server-Sent Events over real loopback HTTP (chunked): events arrive as the server
/// sends them, typed or as text; a malformed event, a dropped connection and a cancelled reader are typed
/// errors, and cancelling closes the connection.
@Suite struct ServerSentEventWireTests {
    static let firstEvent = ": the model is thinking\nid: c1\nretry: 1500\ndata: {\"id\":\"c1\",\ndata: \"delta\":\"Hel\"}\n\n"

    @Test func theFirstEventArrivesBeforeTheServerSendsTheSecond() async throws {
        let released = DispatchSemaphore(value: 0)
        let request = Locked<(accept: String?, body: Data)>((nil, Data()))
        try await StreamingTestServer.run({ connection in
            request.set((connection.header("Accept"), try connection.readWholeBody()))
            try connection.writeHead(headers: ["Content-Type": "text/event-stream"])
            try connection.writeChunk(Self.firstEvent)
            // The second event only once the test has read the first.
            guard wait(for: released) else { return }
            try connection.writeChunk("data: {\"id\":\"c1\",\"delta\":\"lo\",\"finishReason\":\"stop\"}\r\n\r\n")
            try connection.writeChunk("data: [DONE]\n\n")
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            let stream = try await client.chat.completions.stream(body: CompletionRequest(prompt: "Hi", maxTokens: 5))
            #expect(stream.status == 200)
            var events = stream.makeAsyncIterator()
            let first = try #require(try await events.next())
            #expect(first.data.delta == "Hel")
            #expect(first.id == "c1")
            #expect(first.retry == .milliseconds(1500))
            released.signal()
            let second = try #require(try await events.next())
            #expect(second.data == CompletionChunk(id: "c1", delta: "lo", finishReason: .value("stop")))
            // The last event id and the reconnection time carry over.
            #expect(second.id == "c1")
            #expect(second.retry == .milliseconds(1500))
            // `[DONE]` ends the stream.
            #expect(try await events.next() == nil)
        }
        #expect(request.get().accept == "text/event-stream")
        #expect(String(decoding: request.get().body, as: UTF8.self) == #"{"maxTokens":5,"prompt":"Hi"}"#)
    }

    @Test func eventsOfTextAndOfAnItemSchemaDecode() async throws {
        try await StreamingTestServer.run({ connection in
            try connection.writeHead(headers: ["Content-Type": "text/event-stream"])
            if connection.target.hasPrefix("/events") {
                try connection.writeChunk("\u{FEFF}event: greeting\r\ndata: hello\r\ndata:  world\r\r")
                try connection.writeChunk("data\n\n")
            } else {
                try connection.writeChunk("event: tick\ndata: {\"sequence\":1,\"price\":9.5}\n\n")
            }
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            let events = try await Array(try await client.events.listen())
            #expect(events == [ServerSentEvent(data: "hello\n world", event: "greeting"), ServerSentEvent(data: "")])
            let ticks = try await Array(try await client.ticks.watch())
            #expect(ticks.map(\.data) == [Tick(sequence: 1, price: 9.5)])
            #expect(ticks.map(\.event) == ["tick"])
        }
    }

    @Test func aMalformedEventIsADecodingErrorNamingItsIndexOffsetAndPath() async throws {
        try await StreamingTestServer.run({ connection in
            _ = try connection.readWholeBody()
            try connection.writeHead(headers: ["Content-Type": "text/event-stream"])
            try connection.writeChunk(Self.firstEvent + "data: {\"id\":7,\"delta\":\"x\"}\n\n")
            try connection.finishChunks()
        }) { server in
            let client = bodiesClient(server.baseURL)
            var received: [String] = []
            do {
                for try await event in try await client.chat.completions.stream(body: CompletionRequest(prompt: "Hi")) {
                    received.append(event.data.delta)
                }
                Issue.record("the malformed event did not fail")
            } catch let error as BodiesError {
                guard case .decoding(let failure) = error else {
                    Issue.record("expected a decoding error, got \(error)")
                    return
                }
                #expect(failure.path == "id")
                #expect(failure.status == 200)
                #expect(failure.message.hasPrefix(
                    "Item 1 of the Server-Sent Events stream, at byte \(Self.firstEvent.utf8.count): Expected String"))
                #expect(failure.rawBody == Data(#"{"id":7,"delta":"x"}"#.utf8))
                #expect(failure.description.contains("POST http://127.0.0.1:"))
            }
            #expect(received == ["Hel"])
        }
    }

    @Test func aConnectionDroppedMidStreamIsATransportError() async throws {
        try await StreamingTestServer.run({ connection in
            _ = try connection.readWholeBody()
            // A length the body never reaches: the close is a failure, not the end.
            try connection.writeHead(headers: ["Content-Type": "text/event-stream", "Content-Length": "10000"])
            try connection.write(Array(Self.firstEvent.utf8))
        }) { server in
            let client = bodiesClient(server.baseURL)
            var received = 0
            do {
                for try await _ in try await client.chat.completions.stream(body: CompletionRequest(prompt: "Hi")) { received += 1 }
                Issue.record("the dropped connection did not fail")
            } catch let error as BodiesError {
                guard case .transport(let failure) = error else {
                    Issue.record("expected a transport error, got \(error)")
                    return
                }
                #expect(failure.request.description.hasSuffix("/chat/completions"))
            }
            #expect(received == 1)
        }
    }

    @Test func cancellingTheReaderMidStreamClosesTheConnection() async throws {
        let sawClose = Locked(false)
        try await StreamingTestServer.run({ connection in
            _ = try connection.readWholeBody()
            try connection.writeHead(headers: ["Content-Type": "text/event-stream"])
            try connection.writeChunk(Self.firstEvent)
            sawClose.set(connection.waitForClientClose(timeout: 20))
        }) { server in
            let client = bodiesClient(server.baseURL)
            let firstEventRead = Locked(false)
            let reader = Task {
                for try await _ in try await client.chat.completions.stream(body: CompletionRequest(prompt: "Hi")) {
                    firstEventRead.set(true)
                }
            }
            #expect(await eventually(timeout: .seconds(20)) { firstEventRead.get() })
            reader.cancel()
            let result = await reader.result
            #expect(throws: BodiesError.self) { try result.get() }
            #expect(await eventually(timeout: .seconds(30)) { sawClose.get() }, "the server did not see the connection close")
        }
    }

    @Test func anErrorStatusIsAnAPIErrorWithItsDecodedBody() async throws {
        try await StreamingTestServer.run({ connection in
            _ = try connection.readWholeBody()
            let body = #"{"message":"slow down"}"#
            try connection.writeHead(status: 429, headers: ["Content-Type": "application/json", "Content-Length": "\(body.utf8.count)"])
            try connection.write(Array(body.utf8))
        }) { server in
            let client = bodiesClient(server.baseURL)
            let error = await thrown { () async throws(BodiesError) in
                _ = try await client.chat.completions.stream(body: CompletionRequest(prompt: "Hi"))
            }
            #expect(error?.status == 429)
            #expect(error?.errorBody == .problem(Problem(message: "slow down")))
        }
    }
}

extension Array {
    /// Every element of an async sequence.
    init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
        self = []
        for try await element in sequence { append(element) }
    }
}
