/// The result of one attempt, as far as retrying is concerned.
enum AttemptOutcome: Sendable {
    /// A response: whole, or for a streaming request its head with the body in `stream`.
    case response(HTTPResponse, stream: HTTPBody?)
    case transportFailure(TransportError)
    case timedOut

    /// Whether another attempt may be made, following the rules documented on `RetryPolicy`.
    func isRetryable(method: HTTPMethod, hasIdempotencyKey: Bool) -> Bool {
        let repeatable = method.isIdempotent || hasIdempotencyKey
        switch self {
        case .response(let response, _):
            switch response.headers["x-should-retry"]?.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
            switch response.status {
            case 408, 409, 429: return true
            case 500...599: return repeatable
            default: return false
            }
        case .transportFailure(let error):
            return error.kind == .connectionFailed || repeatable
        case .timedOut:
            return repeatable
        }
    }

    /// A short reason for logs.
    var summary: String {
        switch self {
        case .response(let response, _): "HTTP \(response.status)"
        case .transportFailure(let error): "\(error.kind)"
        case .timedOut: "timeout"
        }
    }
}
