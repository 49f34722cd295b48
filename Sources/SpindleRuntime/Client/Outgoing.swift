/// What an attempt sends: the request, and for streaming operations the body read as it is sent.
struct Outgoing: Sendable {
    /// The request; its `body` is used when `body` is `nil`.
    var request: HTTPRequest
    /// A body read as it is sent (a file, a byte stream), instead of `request.body`.
    var body: HTTPBody?
    /// Whether the transport's streaming path is used: a streaming body goes out, or the response streams.
    var streams: Bool
}
