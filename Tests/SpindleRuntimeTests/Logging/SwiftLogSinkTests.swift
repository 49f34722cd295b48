#if SwiftLog
import Foundation
import Logging
import SpindleLogging
import SpindleRuntime
import SpindleTestServer
import Testing

/// Every kind of event reaches a swift-log handler at its level with its metadata, over loopback, and the
/// credential (in a header, in the query, echoed by the server in its body and headers) appears nowhere.
@Suite struct SwiftLogSinkTests {
    static let secret = "sk_live_S3CR3T-v4lue"

    /// What a capturing handler received.
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata

        /// Everything the handler could print.
        var text: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    /// A `LogHandler` that keeps everything, at every level.
    struct CapturingHandler: LogHandler {
        let entries: Locked<[Entry]>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: Logging.LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            entries.set(entries.get() + [Entry(level: event.level, message: "\(event.message)", metadata: merged)])
        }
    }

    /// A server that echoes every request (headers, query, and the credential itself) in its body and a header.
    static func echo(status: Int, headers: [String: String] = [:], _ request: ServerRequest) -> ServerReply {
        let echoed = #"{"path":"\#(request.path)","query":"\#(request.query)","key":"\#(request.header("X-API-KEY") ?? "")","secret":"\#(secret)"}"#
        return .json(echoed, status: status, headers: headers.merging(["X-Echo": "got \(secret)"]) { $1 })
    }

    func client(_ url: URL, scheme: SecurityScheme, logger: Logger) -> APIClient {
        APIClient(
            serverURL: url,
            configuration: ClientConfiguration(
                retryPolicy: RetryPolicy(maxRetries: 1, initialDelay: .milliseconds(10), maxDelay: .milliseconds(20)),
                timeout: .seconds(30),
                logger: SwiftLogSink(logger).log
            ),
            security: [scheme],
            credential: .apiKey(Self.secret)
        )
    }

    static func get(_ path: String) -> HTTPRequestBuilder {
        HTTPRequestBuilder(method: .get, path: path, operation: "widgets.get")
    }

    @Test func everyKindIsLoggedAtItsLevelWithMetadataAndNoCredential() async throws {
        let entries = Locked<[Entry]>([])
        let logger = Logger(label: "spindle.test") { _ in CapturingHandler(entries: entries) }
        let attempts = Locked(0)
        try await TestServer.run({ request in
            switch request.path {
            case "/widgets/w1":
                return .status(302, headers: ["Location": "/moved/w1"])
            case "/moved/w1" where attempts.increment() == 1:
                return Self.echo(status: 503, headers: ["Retry-After": "0"], request)
            case "/moved/w1":
                return Self.echo(status: 200, headers: ["X-Request-Id": "req-42"], request)
            default:
                return Self.echo(status: 404, headers: ["Request-Id": "req-404"], request)
            }
        }) { url in
            // The credential in the query: redirected, retried, then answered.
            let inQuery = client(url, scheme: .apiKey(name: "api_key", in: .query), logger: logger)
            let echoed: [String: String] = try await inQuery.send(Self.get("/widgets/w1"), errors: { _ in nil as Never? })
            #expect(echoed["secret"] == Self.secret)
            // The credential in a header: a 404 that fails the call.
            let inHeader = client(url, scheme: .apiKey(name: "X-API-KEY", in: .header), logger: logger)
            await #expect(throws: ClientError<Never>.self) {
                let _: [String: String] = try await inHeader.send(Self.get("/missing"), errors: { _ in nil as Never? })
            }
        }

        let all = entries.get()
        for entry in all {
            #expect(!entry.text.contains(Self.secret), "the credential was logged: \(entry.text)")
        }
        func events(_ name: String) -> [Entry] { all.filter { $0.metadata["spindle.event"] == "\(name)" } }
        #expect(all.allSatisfy { $0.metadata["spindle.operation"] == "widgets.get" && $0.metadata["http.method"] == "GET" })

        let requests = events("request")
        #expect(requests.count == 5)
        #expect(requests.allSatisfy { $0.level == .debug && $0.metadata["spindle.duration_ms"] == nil })
        #expect(requests.first?.metadata["url"].map { "\($0)".hasSuffix("/widgets/w1?api_key=<redacted>") } == true)

        let responses = events("response")
        #expect(responses.map { $0.metadata["http.status"] } == ["302", "503", "302", "200", "404"])
        #expect(responses.allSatisfy { $0.level == .debug && $0.metadata["spindle.duration_ms"] != nil })
        #expect(responses.map { $0.metadata["request_id"] } == [nil, nil, nil, "req-42", "req-404"])

        let redirects = events("redirect")
        #expect(redirects.count == 2)
        #expect(redirects.allSatisfy { $0.level == .info })
        #expect(redirects.first?.metadata["spindle.redirect_to"].map { "\($0)".hasSuffix("/moved/w1") } == true)

        let retries = events("retry")
        #expect(retries.count == 1)
        #expect(retries.first?.level == .warning)
        #expect(retries.first?.metadata["spindle.attempt"] == "1")
        #expect(retries.first?.metadata["http.status"] == "503")
        #expect(retries.first?.metadata["spindle.retry_delay_ms"] != nil)

        let failures = events("failure")
        #expect(failures.count == 1)
        #expect(failures.first?.level == .error)
        #expect(failures.first?.metadata["http.status"] == "404")
        #expect(failures.first?.metadata["spindle.duration_ms"] != nil)
        #expect(all.count == requests.count + responses.count + redirects.count + retries.count + failures.count)
    }

    @Test func levelsAreConfigurableAndALoggerBelowThemWritesNothing() {
        let entries = Locked<[Entry]>([])
        var logger = Logger(label: "spindle.test") { _ in CapturingHandler(entries: entries) }
        logger.logLevel = .info
        let sink = SwiftLogSink(logger, levels: .init(request: .notice))
        let summary = RequestSummary(method: .get, url: "https://api.example.com/x")
        sink.log(LogEvent(kind: .request, request: summary, attempt: 1, message: "→ GET"))
        sink.log(LogEvent(kind: .response, request: summary, attempt: 1, status: 200, message: "← 200"))
        #expect(entries.get().map(\.level) == [.notice])
    }
}
#endif
