import Foundation

/// A network failure: no connection, a dropped connection, or another transport-level problem.
public struct TransportFailure: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with credentials scrubbed.
    public let message: String
    /// The failure kind reported by the transport.
    public let kind: TransportError.Kind
    /// The request that failed.
    public let request: RequestSummary
    /// How many attempts were made.
    public let attempts: Int

    /// Creates a failure.
    public init(message: String, kind: TransportError.Kind, request: RequestSummary, attempts: Int) {
        self.message = message
        self.kind = kind
        self.request = request
        self.attempts = attempts
    }

    /// Whether the connection broke after the request may have reached the server.
    public var connectionDropped: Bool { kind == .connectionDropped }

    /// `Connection dropped for GET https://…: … (3 attempts)`
    public var description: String {
        let what = switch kind {
        case .connectionFailed: "Could not connect"
        case .connectionDropped: "Connection dropped"
        case .timedOut: "Transport timed out"
        case .other: "Transport failure"
        }
        return "\(what) for \(request): \(message) (\(attempts) attempt\(attempts == 1 ? "" : "s"))"
    }
}

/// An attempt exceeded its timeout.
public struct TimeoutFailure: Sendable, Hashable, CustomStringConvertible {
    /// The request that timed out.
    public let request: RequestSummary
    /// The per-attempt limit that was exceeded, or `nil` when the transport gave up on its own.
    public let timeout: Duration?
    /// How many attempts were made.
    public let attempts: Int

    /// Creates a failure.
    public init(request: RequestSummary, timeout: Duration?, attempts: Int) {
        self.request = request
        self.timeout = timeout
        self.attempts = attempts
    }

    /// `GET https://… timed out after 0.5 seconds (1 attempt)`
    public var description: String {
        let limit = timeout.map { " after \($0.timeInterval) seconds" } ?? ""
        return "\(request) timed out\(limit) (\(attempts) attempt\(attempts == 1 ? "" : "s"))"
    }
}

/// A body that did not match the expected type.
///
/// Its mirror (`dump`, `String(reflecting:)`) shows the raw body as its size: the bytes may hold what a
/// description never shows, such as a credential the server echoed.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// What did not match, with credentials scrubbed.
    public let message: String
    /// Where in the body, e.g. `data[0].billingCurrency`; empty for the root.
    public let path: String
    /// The response status, when decoding a response.
    public let status: Int?
    /// The raw body bytes.
    public let rawBody: Data
    /// The request whose response failed to decode, when known.
    public let request: RequestSummary?

    /// Creates a failure.
    public init(message: String, path: String, status: Int? = nil, rawBody: Data, request: RequestSummary? = nil) {
        self.message = message
        self.path = path
        self.status = status
        self.rawBody = rawBody
        self.request = request
    }

    /// `Could not decode the response of GET https://… (HTTP 200) at data[0].id: …`
    public var description: String {
        var text = "Could not decode "
        text += request.map { "the response of \($0)" } ?? "JSON"
        if let status { text += " (HTTP \(status))" }
        text += path.isEmpty ? " at the root" : " at \(path)"
        return text + ": \(message)"
    }

    /// The fields, the raw body as its size.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "message": message,
            "path": path,
            "status": status as Any,
            "rawBody": "\(rawBody.count) bytes",
            "request": request as Any,
        ], displayStyle: .struct)
    }
}

/// A parameter or body that could not be encoded.
public struct EncodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Where in the value, e.g. `items[2].price`; empty when not applicable.
    public let path: String

    /// Creates a failure.
    public init(message: String, path: String = "") {
        self.message = message
        self.path = path
    }

    /// Wraps an `EncodingError` (keeping its coding path) or any other error.
    public init(_ error: any Error) {
        if let encodingError = error as? EncodingError, case .invalidValue(_, let context) = encodingError {
            self.init(message: context.debugDescription, path: CodingPathFormatter.format(context.codingPath))
        } else {
            self.init(message: "\(error)")
        }
    }

    /// `Could not encode the request at items[2].price: …`
    public var description: String {
        "Could not encode the request" + (path.isEmpty ? "" : " at \(path)") + ": \(message)"
    }
}

/// A response that is not a usable HTTP response.
public struct InvalidResponseFailure: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public let message: String
    /// The request, when known.
    public let request: RequestSummary?

    /// Creates a failure.
    public init(message: String, request: RequestSummary?) {
        self.message = message
        self.request = request
    }

    /// `Invalid response to GET https://…: …`
    public var description: String {
        "Invalid response" + (request.map { " to \($0)" } ?? "") + ": \(message)"
    }
}

/// Pagination cannot continue.
public struct PaginationFailure: Sendable, Hashable, CustomStringConvertible {
    /// Why.
    public let message: String
    /// How many pages had been fetched.
    public let pagesFetched: Int
    /// The paginated operation, e.g. `customers.list (GET /api/v1/customers)`, when the sequence knows it.
    public let operation: String?
    /// The cursor the server repeated, for a repeated-cursor failure.
    public let cursor: String?

    /// Creates a failure.
    public init(message: String, pagesFetched: Int, operation: String? = nil, cursor: String? = nil) {
        self.message = message
        self.pagesFetched = pagesFetched
        self.operation = operation
        self.cursor = cursor
    }

    /// `Pagination of customers.list (GET /api/v1/customers) stopped after 2 pages: …`
    public var description: String {
        "Pagination\(operation.map { " of \($0)" } ?? "") stopped after \(pagesFetched) page\(pagesFetched == 1 ? "" : "s"): \(message)"
    }
}
