import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// Request bodies stream over real loopback HTTP: from files with their length, from one-shot sequences
/// chunked; a one-shot body is never re-sent, a file body is, on retries and 307/308 redirects.
@Suite struct StreamingUploadTests {
    /// Writes `count` bytes of a repeating pattern to a temporary file.
    static func temporaryFile(bytes count: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-upload-\(UUID().uuidString)")
        let pattern = Data((0..<(1 << 20)).map { UInt8($0 % 251) })
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        var written = 0
        while written < count {
            let piece = pattern.prefix(count - written)
            try handle.write(contentsOf: piece)
            written += piece.count
        }
        try handle.close()
        return url
    }

    /// An upload request with `body`.
    static func upload(_ body: HTTPBody, method: HTTPMethod = .put) -> HTTPRequestBuilder {
        var request = HTTPRequestBuilder(method: method, path: "/upload")
        request.setBody(body, contentType: "application/octet-stream")
        return request
    }

    /// A one-shot body: `count` chunks of 1 KiB from an `AsyncStream`.
    static func oneShot(chunks count: Int) -> HTTPBody {
        let stream = AsyncStream<[UInt8]> { continuation in
            for index in 0..<count { continuation.yield(Array(repeating: UInt8(index % 256), count: 1024)) }
            continuation.finish()
        }
        return HTTPBody(stream)
    }

    @Test(arguments: TransportUnderTest.all)
    func aFileGoesOutWithItsLength(transport: TransportUnderTest) async throws {
        let file = try Self.temporaryFile(bytes: 3_000_000)
        defer { try? FileManager.default.removeItem(at: file) }
        let received = Locked(Data())
        let contentLength = Locked<String?>(nil)
        try await StreamingTestServer.run({ connection in
            contentLength.set(connection.header("Content-Length"))
            received.set(try connection.readWholeBody())
            try connection.writeHead(status: 204, headers: ["Content-Length": "0"])
        }) { server in
            let client = streamingClient(server.baseURL, transport: transport)
            try await client.send(Self.upload(try HTTPBody(contentsOf: file)), errors: { _ in nil as Never? })
        }
        #expect(contentLength.get() == "3000000")
        #expect(received.get() == (try Data(contentsOf: file)))
    }

    @Test(arguments: TransportUnderTest.all)
    func aSequenceGoesOutWholeAndTheResponseDecodes(transport: TransportUnderTest) async throws {
        let received = Locked(0)
        let framing = Locked<(encoding: String?, length: String?)>((nil, nil))
        try await StreamingTestServer.run({ connection in
            framing.set((connection.header("Transfer-Encoding"), connection.header("Content-Length")))
            received.set(try connection.readBody())
            let body = #"{"received":\#(received.get())}"#
            try connection.writeHead(headers: ["Content-Type": "application/json", "Content-Length": "\(body.utf8.count)"])
            try connection.write(Array(body.utf8))
        }) { server in
            let client = streamingClient(server.baseURL, transport: transport)
            let reply: [String: Int] = try await client.send(Self.upload(Self.oneShot(chunks: 500), method: .post), errors: { _ in nil as Never? })
            #expect(reply == ["received": 512_000])
        }
        if transport.sendsSequencesLive {
            #expect(framing.get().encoding?.lowercased() == "chunked")
        } else {
            #expect(framing.get().length == "512000")
        }
        #expect(received.get() == 512_000)
    }

    /// A transport that sends a sequence as it is produced reads it only as fast as the server takes it: while
    /// the server reads nothing, the producer is held back by what the connection's buffers hold.
    @Test(arguments: TransportUnderTest.all.filter(\.sendsSequencesLive))
    func aLiveUploadIsHeldBackWhileTheServerDoesNotRead(transport: TransportUnderTest) async throws {
        let chunk = [UInt8](repeating: 0x42, count: 64 * 1024)
        let total = 1024 * chunk.count
        let produced = Locked(0)
        let producedWhilePaused = Locked(0)
        let received = Locked(0)
        try await StreamingTestServer.run({ connection in
            // The head is in; the body is left unread for a second, then read to the end.
            Thread.sleep(forTimeInterval: 1)
            producedWhilePaused.set(produced.get())
            received.set(try connection.readBody())
            try connection.writeHead(status: 204, headers: ["Content-Length": "0"])
        }) { server in
            let body = HTTPBody(PulledChunks(chunk: chunk, count: 1024, produced: produced), length: .known(Int64(total)))
            let client = streamingClient(server.baseURL, transport: transport, maxRetries: 0, timeout: .seconds(30))
            try await client.send(Self.upload(body), errors: { _ in nil as Never? })
        }
        #expect(received.get() == total)
        // Loopback socket buffers hold a few megabytes; without backpressure all 64 MiB would be read at once.
        #expect(producedWhilePaused.get() < 32 * 1024 * 1024, "\(producedWhilePaused.get() >> 20) MiB were read while the server read nothing")
    }

    @Test(arguments: TransportUnderTest.all)
    func aSentOneShotBodyIsNotRetried(transport: TransportUnderTest) async throws {
        let attempts = Locked(0)
        try await StreamingTestServer.run({ connection in
            _ = attempts.increment()
            try connection.readBody()
            try connection.writeHead(status: 503, headers: ["Content-Length": "0"])
        }) { server in
            let client = streamingClient(server.baseURL, transport: transport)
            do {
                try await client.send(Self.upload(Self.oneShot(chunks: 10)), errors: { _ in nil as Never? })
                Issue.record("a 503 did not throw")
            } catch let error as ClientError<Never> {
                guard case .bodyNotReplayable(let failure) = error else {
                    Issue.record("expected bodyNotReplayable, got \(error)")
                    return
                }
                #expect(failure.reason == .retry(after: "HTTP 503"))
                #expect(failure.attempts == 1)
                #expect(failure.description.contains("one-shot stream"))
            }
        }
        #expect(attempts.get() == 1)
    }

    @Test(arguments: TransportUnderTest.all)
    func aFileBodyIsSentAgainOnRetry(transport: TransportUnderTest) async throws {
        let file = try Self.temporaryFile(bytes: 100_000)
        defer { try? FileManager.default.removeItem(at: file) }
        let sizes = Locked<[Int]>([])
        try await StreamingTestServer.run({ connection in
            let size = try connection.readBody()
            let attempt = sizes.get().count + 1
            sizes.set(sizes.get() + [size])
            try connection.writeHead(status: attempt == 1 ? 503 : 204, headers: ["Content-Length": "0"])
        }) { server in
            let client = streamingClient(server.baseURL, transport: transport)
            try await client.send(Self.upload(try HTTPBody(contentsOf: file)), errors: { _ in nil as Never? })
        }
        #expect(sizes.get() == [100_000, 100_000])
    }

    @Test(arguments: TransportUnderTest.all)
    func a307KeepsAReplayableBodyAndRefusesAOneShotOne(transport: TransportUnderTest) async throws {
        let bodies = Locked<[String: Int]>([:])
        try await StreamingTestServer.run({ connection in
            let size = try connection.readBody()
            bodies.set(bodies.get().merging([connection.target: size]) { $1 })
            if connection.target == "/upload" {
                try connection.writeHead(status: 307, headers: ["Location": "/moved", "Content-Length": "0"])
            } else {
                try connection.writeHead(status: 204, headers: ["Content-Length": "0"])
            }
        }) { server in
            let client = streamingClient(server.baseURL, transport: transport)
            try await client.send(Self.upload(HTTPBody(Array(repeating: UInt8(1), count: 5000))), errors: { _ in nil as Never? })
            #expect(bodies.get() == ["/upload": 5000, "/moved": 5000])
            do {
                try await client.send(Self.upload(Self.oneShot(chunks: 3)), errors: { _ in nil as Never? })
                Issue.record("a 307 of a one-shot body was followed")
            } catch let error as ClientError<Never> {
                guard case .bodyNotReplayable(let failure) = error else {
                    Issue.record("expected bodyNotReplayable, got \(error)")
                    return
                }
                #expect(failure.reason == .redirect(status: 307))
            }
        }
    }

    @Test(arguments: TransportUnderTest.all)
    func aMissingFileIsATypedEncodingFailureBeforeAnythingIsSent(transport: TransportUnderTest) async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-missing-\(UUID().uuidString)")
        #expect(throws: HTTPBodyError.self) { try HTTPBody(contentsOf: missing) }
    }
}

/// `count` copies of `chunk`, each made only when the reader asks for it, counting the bytes handed out.
private struct PulledChunks: AsyncSequence, Sendable {
    let chunk: [UInt8]
    let count: Int
    let produced: Locked<Int>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: self) }

    struct Iterator: AsyncIteratorProtocol {
        let chunks: PulledChunks
        var index = 0

        mutating func next() async -> [UInt8]? {
            guard index < chunks.count else { return nil }
            index += 1
            _ = chunks.produced.increment(by: chunks.chunk.count)
            return chunks.chunk
        }
    }
}
