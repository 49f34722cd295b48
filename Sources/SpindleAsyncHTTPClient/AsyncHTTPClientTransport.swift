#if AsyncHTTPClientTransport
import AsyncHTTPClient
import Foundation
import NIOCore
import SpindleRuntime

/// An `HTTPTransport` over AsyncHTTPClient (SwiftNIO), for server-side Swift (Vapor, Hummingbird) and Linux,
/// where FoundationNetworking's URLSession is slower and incomplete.
///
/// ```swift
/// let transport = AsyncHTTPClientTransport()
/// let stigg = StiggClient(configuration: ClientConfiguration(transport: transport))
/// // ... when the app stops:
/// try await transport.shutdown()
/// ```
///
/// Both paths are streamed by SwiftNIO: a request body is read from its `HTTPBody` only as fast as the
/// connection takes it, and a response body arrives chunk by chunk as the reader asks for it (NIO stops
/// reading from the socket while the reader is behind, so memory stays bounded without spooling).
/// Cancelling the reader, or dropping the body unread, closes the connection.
///
/// **Lifecycle.** The transport owns an `HTTPClient` (its connection pool), made from `configuration` on
/// `eventLoopGroup`: by default SwiftNIO's shared singleton group, which is never shut down; pass your
/// app's group (Vapor's `app.eventLoopGroup`) to share its threads. Call ``shutdown()`` when the app
/// stops, before shutting down the group; a transport released without it shuts its client down in the
/// background. The transport
/// does not take an existing `HTTPClient`, because AsyncHTTPClient decides redirects per client, offers no
/// way to read a client's redirect setting, and strips only `Authorization` and `Cookie` when it follows
/// one to another origin: an API key header or query parameter would go along.
///
/// **Redirects** are never followed here (the configuration's `redirectConfiguration` is replaced by
/// `.disallow`): the 3xx response comes back, and `APIClient` follows it, with credentials only within
/// the server's origin.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The client that performs requests; owned by the transport.
    private let client: HTTPClient

    /// A transport over a new `HTTPClient` made from `configuration` (redirects always off) on
    /// `eventLoopGroup`.
    public init(
        configuration: HTTPClient.Configuration = AsyncHTTPClientTransport.defaultConfiguration,
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup
    ) {
        var configuration = configuration
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
    }

    /// AsyncHTTPClient's defaults, except that a connection that cannot be established fails the request at
    /// once instead of being retried until the connect timeout: `APIClient`'s retry policy decides about
    /// retries, and reports `TransportError.Kind.connectionFailed` as `URLSessionTransport` does.
    public static var defaultConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    deinit {
        // An HTTPClient must be shut down before it goes away; this one was never shared, so nothing can
        // still be using it. The shutdown keeps the client alive until it completes. The callback form
        // schedules nothing on the event loops, which may have stopped already after an explicit
        // `shutdown()` (the call then reports that it is already shut down, which is fine).
        client.shutdown(queue: .global()) { _ in }
    }

    /// Closes the connections and stops the client. Requests sent afterwards fail; call it once, when the
    /// app stops. The event loop group is not shut down (it is the app's, or SwiftNIO's shared one).
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends `request` and collects the whole response body. `timeout` bounds the wait for the response head.
    public func send(_ request: SpindleRuntime.HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        do {
            var outgoing = Self.clientRequest(request)
            if let body = request.body {
                outgoing.body = .bytes(body)
            }
            let response = try await client.execute(outgoing, deadline: Self.deadline(timeout))
            let body = try await response.body.collect(upTo: .max)
            return HTTPResponse(
                status: Int(response.status.code),
                headers: Self.headers(response.headers),
                body: Data(body.readableBytesView)
            )
        } catch {
            throw AsyncHTTPClientErrors.translate(error)
        }
    }

    /// Sends `request` with `body` streamed as the connection takes it, and returns at the response head with
    /// the body streaming. `timeout` bounds the wait for the head and each silence between body chunks.
    public func stream(
        _ request: SpindleRuntime.HTTPRequest,
        body: HTTPBody?,
        timeout: Duration?
    ) async throws -> StreamingHTTPResponse {
        let response: HTTPClientResponse
        do {
            var outgoing = Self.clientRequest(request)
            if let body {
                outgoing.body = .stream(body.map { ByteBuffer(bytes: $0) }, length: Self.length(body.length))
            } else if let data = request.body {
                outgoing.body = .bytes(data)
            }
            response = try await client.execute(outgoing, deadline: Self.deadline(timeout))
        } catch {
            throw AsyncHTTPClientErrors.translate(error)
        }
        let status = Int(response.status.code)
        let headers = Self.headers(response.headers)
        let length = Self.responseLength(method: request.method, status: status, headers: headers)
        let chunks = ResponseChunks(body: response.body, silenceTimeout: timeout)
        return StreamingHTTPResponse(
            status: status,
            headers: headers,
            body: HTTPBody(chunks, length: length, iterationBehavior: .single)
        )
    }
}
#endif
