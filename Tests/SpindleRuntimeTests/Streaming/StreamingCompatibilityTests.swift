import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// Middlewares and transports written before the streaming path keep working with streaming operations.
@Suite struct StreamingCompatibilityTests {
    /// A middleware that only implements the whole-body method: it tags requests and responses.
    struct Tagging: ClientMiddleware {
        func intercept(
            _ request: HTTPRequest,
            next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            var request = request
            request.headers.set("X-Tag", "tagged")
            var response = try await next(request)
            response.headers.set("X-Seen", "yes")
            return response
        }
    }

    /// A transport with only `send`: the default `stream` buffers through it.
    struct BufferingTransport: HTTPTransport {
        func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
            try await URLSessionTransport.shared.send(request, timeout: timeout)
        }
    }

    @Test func aWholeBodyMiddlewareSeesAndChangesTheHeadsOfAStreamingCall() async throws {
        let tag = Locked<String?>(nil)
        let released = DispatchSemaphore(value: 0)
        try await StreamingTestServer.run({ connection in
            tag.set(connection.header("X-Tag"))
            try connection.writeHead()
            try connection.writeChunk("one")
            guard released.wait(timeout: .now() + 10) == .success else { return }
            try connection.writeChunk("two")
            try connection.finishChunks()
        }) { server in
            let client = APIClient(
                serverURL: server.baseURL,
                configuration: ClientConfiguration(middlewares: [Tagging()], timeout: .seconds(30))
            )
            let response = try await client.sendStreaming(HTTPRequestBuilder(method: .get, path: "/s"), errors: { _ in nil as Never? })
            #expect(response.headers["X-Seen"] == "yes")
            var iterator = response.body.makeAsyncIterator()
            // Still streaming: the first chunk arrives while the server holds back the second.
            #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "one")
            released.signal()
            #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "two")
        }
        #expect(tag.get() == "tagged")
    }

    @Test func aTransportWithoutAStreamingPathBuffersBothBodies() async throws {
        let received = Locked(Data())
        try await StreamingTestServer.run({ connection in
            received.set(try connection.readWholeBody())
            let body = "downloaded"
            try connection.writeHead(headers: ["Content-Length": "\(body.utf8.count)"])
            try connection.write(Array(body.utf8))
        }) { server in
            let client = APIClient(
                serverURL: server.baseURL,
                configuration: ClientConfiguration(transport: BufferingTransport(), timeout: .seconds(30))
            )
            var request = HTTPRequestBuilder(method: .post, path: "/echo")
            request.setBody(HTTPBody(AsyncStream { continuation in
                continuation.yield(Array("up".utf8))
                continuation.yield(Array("loaded".utf8))
                continuation.finish()
            }), contentType: "application/octet-stream")
            let response = try await client.sendStreaming(request, errors: { _ in nil as Never? })
            #expect(try await response.body.collect(upTo: 100) == Data("downloaded".utf8))
        }
        #expect(received.get() == Data("uploaded".utf8))
    }
}
