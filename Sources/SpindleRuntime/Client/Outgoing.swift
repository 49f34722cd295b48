/// What an attempt sends: the request, and for streaming operations the body read as it is sent.
struct Outgoing: Sendable {
    /// The request; its `body` is used when `body` is `nil`.
    var request: HTTPRequest
    /// A body read as it is sent (a file, a byte stream), instead of `request.body`.
    var body: HTTPBody?
    /// Whether the transport's streaming path is used: a streaming body goes out, or the response streams.
    var streams: Bool
    /// The operation the request performs, for logs (`HTTPRequestBuilder.operation`).
    var operation: String?
    /// When the call began (before its first attempt), for the durations in logs.
    var started: ContinuousClock.Instant

    init(request: HTTPRequest, body: HTTPBody?, streams: Bool, operation: String? = nil, started: ContinuousClock.Instant = .now) {
        self.request = request
        self.body = body
        self.streams = streams
        self.operation = operation
        self.started = started
    }

    /// The time since the call began.
    var elapsed: Duration { .now - started }
}
