/// The escape hatch to the full HTTP response of a typed call.
///
/// Generated methods return decoded models. When you also need the status, headers (rate limits,
/// request ids) or raw bytes, wrap the call:
///
/// ```swift
/// let (page, response) = try await withHTTPResponse {
///     try await stigg.customers.list(limit: 50)
/// }
/// print(response?.headers["x-request-id"] ?? "")
/// ```
///
/// `response` is the final response the call received (after retries), or `nil` when none arrived.
/// Non-2xx responses are also carried by `ClientError.api`.
public func withHTTPResponse<Value, Failure: Error>(
    _ call: () async throws(Failure) -> Value
) async throws(Failure) -> (value: Value, response: HTTPResponse?) {
    let capture = ResponseCapture()
    // `withValue` rethrows untyped errors; a Result keeps the call's typed error.
    let result: Result<Value, Failure> = await ResponseCapture.$current.withValue(capture) {
        do throws(Failure) {
            return .success(try await call())
        } catch {
            return .failure(error)
        }
    }
    return (try result.get(), capture.response)
}

/// Holds the last response a call received, for ``withHTTPResponse(_:)``.
final class ResponseCapture: Sendable {
    /// The capture of the innermost enclosing `withHTTPResponse`, if any.
    @TaskLocal static var current: ResponseCapture?

    private let storage = Locked<HTTPResponse?>(nil)

    var response: HTTPResponse? { storage.withLock { $0 } }

    /// Records `response` as the latest one (retries overwrite earlier attempts).
    func record(_ response: HTTPResponse) { storage.withLock { $0 = response } }
}
