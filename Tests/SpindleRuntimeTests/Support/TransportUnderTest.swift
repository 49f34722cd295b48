import Foundation
import SpindleRuntime
#if AsyncHTTPClientTransport
import SpindleAsyncHTTPClient
#endif

/// A transport the loopback suites run against; every transport must behave the same on the wire.
struct TransportUnderTest: Sendable, CustomStringConvertible {
    let description: String
    /// Whether a body from an `AsyncSequence` goes out as it is produced (chunked), rather than after it
    /// was spooled to a file (with a `Content-Length`), as `URLSessionTransport` must.
    let sendsSequencesLive: Bool
    /// Its `--transport` name for `spindle-transfer-probe`.
    let probeName: String
    let make: @Sendable () -> any HTTPTransport

    /// The default transport.
    static let urlSession = TransportUnderTest(
        description: "URLSessionTransport", sendsSequencesLive: false, probeName: "urlsession"
    ) {
        URLSessionTransport()
    }

    #if AsyncHTTPClientTransport
    /// AsyncHTTPClient, on SwiftNIO's shared event loop group; each client its own connection pool, shut down
    /// when the transport goes away.
    static let asyncHTTPClient = TransportUnderTest(
        description: "AsyncHTTPClientTransport", sendsSequencesLive: true, probeName: "ahc"
    ) {
        AsyncHTTPClientTransport()
    }

    /// Every transport Spindle ships (AsyncHTTPClient's with the `AsyncHTTPClientTransport` trait).
    static let all: [TransportUnderTest] = [urlSession, asyncHTTPClient]
    #else
    /// Every transport Spindle ships (AsyncHTTPClient's with the `AsyncHTTPClientTransport` trait).
    static let all: [TransportUnderTest] = [urlSession]
    #endif
}

/// A client over `transport` for a loopback server, with quick retries.
func streamingClient(
    _ server: URL,
    transport: TransportUnderTest,
    maxRetries: Int = 2,
    timeout: Duration = .seconds(30),
    logger: (@Sendable (LogEvent) -> Void)? = nil
) -> APIClient {
    APIClient(
        serverURL: server,
        configuration: ClientConfiguration(
            transport: transport.make(),
            retryPolicy: RetryPolicy(maxRetries: maxRetries, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)),
            timeout: timeout,
            logger: logger
        )
    )
}

/// The resident memory of this process in bytes (Linux: `/proc/self/status`), or `nil` where unknown.
func residentMemory() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { $0 * 1024 }
    }
    return nil
}
