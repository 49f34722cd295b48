#if SwiftLog
import Logging
import SpindleRuntime

/// Writes a Spindle client's ``SpindleRuntime/LogEvent``s to a swift-log `Logger`, each at the level of its
/// kind and with structured metadata, so that they reach whatever `LogHandler` the app bootstrapped.
///
/// ```swift
/// let logger = Logger(label: "billing.stigg")
/// let stigg = StiggClient(configuration: ClientConfiguration(logger: SwiftLogSink(logger).log))
/// ```
///
/// Nothing here can reveal a credential: events arrive redacted (URLs, headers and messages), and only the
/// metadata below is written, never the headers themselves.
///
/// | key | value |
/// | --- | --- |
/// | `spindle.event` | `request`, `response`, `redirect`, `retry` or `failure` |
/// | `spindle.operation` | the operation (`customers.list`), when the client knows it |
/// | `http.method` | `GET`, `POST`, … |
/// | `url` | the URL, credentials redacted |
/// | `http.status` | the response status, when there is one |
/// | `spindle.attempt` | 1 for the first attempt, 2 for the first retry, … |
/// | `spindle.duration_ms` | see ``SpindleRuntime/LogEvent/duration`` |
/// | `spindle.retry_delay_ms` | the wait before the next attempt (`retry`) |
/// | `spindle.redirect_to` | where a followed redirect leads, redacted (`redirect`) |
/// | `request_id` | the first of ``requestIDHeaderNames`` the response carries |
public struct SwiftLogSink: Sendable {
    /// The logger events are written to; its own metadata is kept.
    public var logger: Logger
    /// The level of each kind of event.
    public var levels: Levels
    /// The response headers that carry the server's request id, tried in order (case-insensitive).
    public var requestIDHeaderNames: [String]

    /// The request id headers of common APIs.
    public static let defaultRequestIDHeaderNames = ["X-Request-Id", "Request-Id", "X-Amzn-RequestId", "X-Correlation-Id"]

    /// A sink writing to `logger`.
    public init(
        _ logger: Logger,
        levels: Levels = Levels(),
        requestIDHeaderNames: [String] = SwiftLogSink.defaultRequestIDHeaderNames
    ) {
        self.logger = logger
        self.levels = levels
        self.requestIDHeaderNames = requestIDHeaderNames
    }

    /// Writes `event`; pass this method as `ClientConfiguration.logger`.
    public func log(_ event: SpindleRuntime.LogEvent) {
        let level = levels.level(for: event.kind)
        guard logger.logLevel <= level else { return }
        logger.log(level: level, "\(event.message)", metadata: metadata(for: event))
    }

    /// The structured fields of `event` (see the table above).
    public func metadata(for event: SpindleRuntime.LogEvent) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "spindle.event": "\(Self.name(of: event.kind))",
            "http.method": "\(event.request.method.rawValue)",
            "url": "\(event.request.url)",
            "spindle.attempt": "\(event.attempt)",
        ]
        metadata["spindle.operation"] = event.operation.map { "\($0)" }
        metadata["http.status"] = event.status.map { "\($0)" }
        metadata["spindle.duration_ms"] = event.duration.map { "\(Self.milliseconds($0))" }
        metadata["spindle.retry_delay_ms"] = event.delay.map { "\(Self.milliseconds($0))" }
        metadata["spindle.redirect_to"] = event.redirectTarget.map { "\($0.url)" }
        if event.kind != .request, let requestID = requestIDHeaderNames.lazy.compactMap({ event.headers[$0] }).first {
            metadata["request_id"] = "\(requestID)"
        }
        return metadata
    }

    /// The level of each kind of event.
    public struct Levels: Sendable, Hashable {
        /// An attempt is about to be sent; default `debug`.
        public var request: Logger.Level
        /// A response arrived (any status); default `debug`.
        public var response: Logger.Level
        /// A redirect was followed or refused; default `info`.
        public var redirect: Logger.Level
        /// An attempt failed and will be retried; default `warning`.
        public var retry: Logger.Level
        /// The call failed for good; default `error`.
        public var failure: Logger.Level

        /// Levels for each kind; the defaults keep a healthy client quiet at `info`.
        public init(
            request: Logger.Level = .debug,
            response: Logger.Level = .debug,
            redirect: Logger.Level = .info,
            retry: Logger.Level = .warning,
            failure: Logger.Level = .error
        ) {
            self.request = request
            self.response = response
            self.redirect = redirect
            self.retry = retry
            self.failure = failure
        }

        /// The level for `kind`.
        public func level(for kind: SpindleRuntime.LogEvent.Kind) -> Logger.Level {
            switch kind {
            case .request: request
            case .response: response
            case .redirect: redirect
            case .retry: retry
            case .failure: failure
            }
        }
    }

    static func name(of kind: SpindleRuntime.LogEvent.Kind) -> String {
        switch kind {
        case .request: "request"
        case .response: "response"
        case .redirect: "redirect"
        case .retry: "retry"
        case .failure: "failure"
        }
    }

    /// Milliseconds with microsecond precision, e.g. `12.345`.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds * 1_000_000 + attoseconds / 1_000_000_000_000) / 1000
    }
}
#endif
