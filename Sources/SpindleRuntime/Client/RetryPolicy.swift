import Foundation

/// When and how fast failed requests are retried.
///
/// Like Stainless-generated SDKs, the default makes 2 retries (3 attempts in total) with exponential backoff
/// from 0.5 s, doubling up to 8 s, each delay reduced by up to 25 % at random so clients that failed together
/// do not retry together. A `Retry-After` or `retry-after-ms` response header replaces the computed delay
/// when it asks for at most `maxRetryAfter` (60 s); longer requests fall back to the computed delay.
///
/// What is retried:
/// - `408 Request Timeout`, `409 Conflict` and `429 Too Many Requests`, for every method: the server did not
///   act on the request, so repeating it is safe even for `POST`.
/// - `5xx`, timeouts and dropped connections for idempotent methods (`GET`, `PUT`, `DELETE`, ...) and for
///   `POST`/`PATCH` only when the request carries an idempotency key (`RequestOptions.idempotencyKey`):
///   the server may have acted, and only the key lets it recognise the repeat.
/// - Connection failures (nothing was sent), for every method.
/// - A response header `x-should-retry: true` or `false` overrides the status-based decision, so servers
///   can steer clients explicitly.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; `0` disables retrying.
    public var maxRetries: Int
    /// The delay before the first retry.
    public var initialDelay: Duration
    /// The longest computed delay.
    public var maxDelay: Duration
    /// The factor each further retry's delay grows by.
    public var multiplier: Double
    /// The largest fraction removed from each computed delay at random (`0` makes delays exact).
    public var jitter: Double
    /// The longest server-requested delay that is honoured.
    public var maxRetryAfter: Duration

    /// Creates a policy; every parameter defaults to the Stainless-compatible value.
    public init(
        maxRetries: Int = 2,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        multiplier: Double = 2,
        jitter: Double = 0.25,
        maxRetryAfter: Duration = .seconds(60)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
        self.maxRetryAfter = maxRetryAfter
    }

    /// 2 retries, 0.5 s doubling to 8 s, 25 % jitter.
    public static let `default` = RetryPolicy()

    /// No retries.
    public static let never = RetryPolicy(maxRetries: 0)

    /// The computed delay before retry number `retry` (1 for the first retry); `random` is in `0..<1`.
    public func backoffDelay(beforeRetry retry: Int, random: Double) -> Duration {
        let exponential = initialDelay.timeInterval * pow(multiplier, Double(max(0, retry - 1)))
        let capped = min(exponential, maxDelay.timeInterval)
        return .clampedSeconds(capped * (1 - jitter * random))
    }

    /// The delay to wait before retry number `retry`: the server's `Retry-After` when acceptable, else backoff.
    func delay(beforeRetry retry: Int, response: HTTPResponse?, now: Date, random: Double) -> Duration {
        if let response, let requested = RetryAfter.delay(in: response.headers, now: now),
           requested <= maxRetryAfter
        {
            return requested
        }
        return backoffDelay(beforeRetry: retry, random: random)
    }
}
