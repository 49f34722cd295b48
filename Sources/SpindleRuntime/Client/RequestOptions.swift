/// Per-call settings, the last parameter of every generated operation.
public struct RequestOptions: Sendable {
    /// Overrides the client's per-attempt time limit.
    public var timeout: Duration?
    /// Overrides the number of retries of the client's (or this call's) retry policy.
    public var maxRetries: Int?
    /// Overrides the client's retry policy.
    public var retryPolicy: RetryPolicy?
    /// Sent as the idempotency header (same value on every attempt); lets `POST`/`PATCH` be retried after
    /// failures that may have reached the server.
    public var idempotencyKey: String?
    /// Extra headers, replacing same-named ones the operation set.
    public var additionalHeaders: HTTPHeaders
    /// Extra query parameters appended after the operation's, for undocumented parameters.
    public var additionalQuery: [(name: String, value: String)]

    /// Creates options; everything defaults to "use the client's setting".
    public init(
        timeout: Duration? = nil,
        maxRetries: Int? = nil,
        retryPolicy: RetryPolicy? = nil,
        idempotencyKey: String? = nil,
        additionalHeaders: HTTPHeaders = [:],
        additionalQuery: [(name: String, value: String)] = []
    ) {
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.retryPolicy = retryPolicy
        self.idempotencyKey = idempotencyKey
        self.additionalHeaders = additionalHeaders
        self.additionalQuery = additionalQuery
    }

    /// The retry policy for a call, given the client's.
    func effectiveRetryPolicy(clientPolicy: RetryPolicy) -> RetryPolicy {
        var policy = retryPolicy ?? clientPolicy
        if let maxRetries { policy.maxRetries = max(0, maxRetries) }
        return policy
    }
}
