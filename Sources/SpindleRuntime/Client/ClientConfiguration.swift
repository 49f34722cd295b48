import Foundation

/// Client-wide settings shared by every operation.
public struct ClientConfiguration: Sendable {
    /// Sends the requests; `URLSessionTransport.shared` by default.
    public var transport: any HTTPTransport
    /// Interceptors run around every attempt, first one outermost.
    public var middlewares: [any ClientMiddleware]
    /// Retry rules; `RequestOptions` can override them per call.
    public var retryPolicy: RetryPolicy
    /// Which redirects are followed; by default up to 10 within the server's origin, none to another origin.
    public var redirectPolicy: RedirectPolicy
    /// The time limit for each attempt (60 s by default, as in Stainless SDKs); `nil` for none.
    public var timeout: Duration?
    /// Headers added to every request unless the operation sets them.
    public var defaultHeaders: HTTPHeaders
    /// Receives request, response, redirect, retry and failure events; all text is redacted.
    public var logger: (@Sendable (LogEvent) -> Void)?
    /// Makes the encoder for JSON request bodies.
    public var makeJSONEncoder: @Sendable () -> JSONEncoder
    /// Makes the decoder for JSON responses.
    public var makeJSONDecoder: @Sendable () -> JSONDecoder
    /// The header that carries `RequestOptions.idempotencyKey`.
    public var idempotencyHeaderName: String
    /// Whether non-idempotent requests (`POST`, `PATCH`) without an explicit key get a random one, the same on
    /// every attempt, so they can be retried safely. Turn on only for APIs that honour the idempotency header
    /// (as Stainless SDKs do for APIs configured with one).
    public var automaticIdempotencyKeys: Bool
    /// Extra header names whose values are redacted in errors and logs (credentials' headers always are).
    public var redactedHeaderNames: Set<String>
    /// Extra query parameter names whose values are redacted in errors and logs.
    public var redactedQueryNames: Set<String>
    /// Waits between attempts; replace it in tests to avoid real delays. Must throw when cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Returns a number in `0..<1` for backoff jitter; replace it in tests for exact delays.
    public var random: @Sendable () -> Double

    /// Creates a configuration; every parameter has a production default.
    public init(
        transport: any HTTPTransport = URLSessionTransport.shared,
        middlewares: [any ClientMiddleware] = [],
        retryPolicy: RetryPolicy = .default,
        redirectPolicy: RedirectPolicy = .default,
        timeout: Duration? = .seconds(60),
        defaultHeaders: HTTPHeaders = [:],
        logger: (@Sendable (LogEvent) -> Void)? = nil,
        makeJSONEncoder: @escaping @Sendable () -> JSONEncoder = JSONCoding.makeEncoder,
        makeJSONDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        idempotencyHeaderName: String = "Idempotency-Key",
        automaticIdempotencyKeys: Bool = false,
        redactedHeaderNames: Set<String> = [],
        redactedQueryNames: Set<String> = [],
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.transport = transport
        self.middlewares = middlewares
        self.retryPolicy = retryPolicy
        self.redirectPolicy = redirectPolicy
        self.timeout = timeout
        self.defaultHeaders = defaultHeaders
        self.logger = logger
        self.makeJSONEncoder = makeJSONEncoder
        self.makeJSONDecoder = makeJSONDecoder
        self.idempotencyHeaderName = idempotencyHeaderName
        self.automaticIdempotencyKeys = automaticIdempotencyKeys
        self.redactedHeaderNames = redactedHeaderNames
        self.redactedQueryNames = redactedQueryNames
        self.sleep = sleep
        self.random = random
    }
}
