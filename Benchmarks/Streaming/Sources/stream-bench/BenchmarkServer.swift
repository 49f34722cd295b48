import NIOCore
import NIOHTTP1
import NIOPosix

/// A SwiftNIO HTTP/1.1 server for the requests-per-second runs: `GET /bytes/<n>` answers `n` bytes with a
/// Content-Length, on kept-alive connections, from a buffer made once per size.
enum BenchmarkServer {
    static func run(port: Int) async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(BytesHandler())
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        try await channel.closeFuture.get()
    }
}

private final class BytesHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var size = 0
    private var keepAlive = true
    private var bodies: [Int: ByteBuffer] = [:]

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            size = head.uri.hasPrefix("/bytes/") ? Int(head.uri.dropFirst("/bytes/".count)) ?? 0 : 0
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            let body = bodies[size] ?? ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
            bodies[size] = body
            var headers = HTTPHeaders([("Content-Type", "application/octet-stream"), ("Content-Length", String(size))])
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            // Queued after the response, so the client gets all of it first.
            if !keepAlive { context.close(promise: nil) }
        }
    }
}
