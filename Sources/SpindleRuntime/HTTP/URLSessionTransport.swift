import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport, built on `URLSession` (FoundationNetworking on Linux).
///
/// Uses completion-handler data tasks rather than the async `data(for:)` API because the latter is missing or
/// does not honour task cancellation on some Linux Foundation versions; cancelling the calling task cancels
/// the data task.
///
/// It never follows redirects: each task gets a delegate that declines them, so a 3xx response comes back as
/// it is and `APIClient` decides, by origin, whether to follow it and with which headers. A task delegate
/// rather than the session's, so that sessions passed to `init(session:)` behave the same.
public struct URLSessionTransport: HTTPTransport {
    /// A transport over one shared ephemeral session, used by `ClientConfiguration` unless told otherwise.
    public static let shared = URLSessionTransport()

    /// The session that performs requests.
    public let session: URLSession

    /// Creates a transport over `session` (by default a new session from `makeDefaultSession()`).
    public init(session: URLSession = URLSessionTransport.makeDefaultSession()) {
        self.session = session
    }

    /// An ephemeral session with caching and cookie handling off: the client manages cookies itself and API
    /// responses must never be served from a cache.
    public static func makeDefaultSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }

    /// Sends `request` with a data task; `timeout` (plus a margin, since the client enforces the exact limit)
    /// becomes the request's `timeoutInterval`.
    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let urlRequest = makeURLRequest(request, timeout: timeout)
        let handle = DataTaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    continuation.resume(with: Self.result(data: data, response: response, error: error))
                }
                task.delegate = RedirectRefusal.shared
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }

    func makeURLRequest(_ request: HTTPRequest, timeout: Duration?) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        if let timeout {
            urlRequest.timeoutInterval = timeout.timeInterval + 1
        }
        return urlRequest
    }

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<HTTPResponse, any Error> {
        if let error {
            return .failure(translate(error))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError(kind: .other, message: "The response is not an HTTP response."))
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers(of: http), body: data ?? Data()))
    }

    /// The response's header fields; `allHeaderFields` is a dictionary, so they are sorted by name for a
    /// stable order in logs and tests.
    static func headers(of response: HTTPURLResponse) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let fields = response.allHeaderFields.compactMap { key, value in (key as? String).map { ($0, "\(value)") } }
        for (name, value) in fields.sorted(by: { $0.0.lowercased() < $1.0.lowercased() }) {
            headers.add(name, value)
        }
        return headers
    }

    static func translate(_ error: any Error) -> any Error {
        guard let urlError = error as? URLError else {
            return TransportError(kind: .other, message: error.localizedDescription)
        }
        let message = "URLError \(urlError.code.rawValue): \(urlError.localizedDescription)"
        switch urlError.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return TransportError(kind: .timedOut, message: message)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return TransportError(kind: .connectionFailed, message: message)
        case .networkConnectionLost, .cannotParseResponse, .badServerResponse, .zeroByteResource,
             .resourceUnavailable:
            return TransportError(kind: .connectionDropped, message: message)
        case .unknown where isCurlTransferFailure(message):
            return TransportError(kind: .connectionDropped, message: message)
        default:
            return TransportError(kind: .other, message: message)
        }
    }

    /// Linux FoundationNetworking reports libcurl failures it has no mapping for as `URLError.unknown`, among
    /// them a connection closed mid-body ("transfer closed with N bytes remaining to read"), which Darwin
    /// reports as `networkConnectionLost`. These are libcurl's messages for a connection that broke mid-flight.
    private static func isCurlTransferFailure(_ message: String) -> Bool {
        ["transfer closed", "Recv failure", "Connection reset", "Connection died", "Empty reply from server",
         "Send failure"].contains { message.localizedCaseInsensitiveContains($0) }
    }
}

/// Declines every redirect, so the task completes with the 3xx response itself (Darwin and, verified by the
/// tests, Linux FoundationNetworking both consult a task's delegate for completion-handler tasks).
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    static let shared = RedirectRefusal()

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Lets the cancellation handler, which may run before the data task exists, cancel it exactly once.
private final class DataTaskHandle: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var isCancelled = false
    }

    private let state = Locked(State())

    func start(_ task: URLSessionDataTask) {
        let cancelledEarly = state.withLock { state in
            state.task = task
            return state.isCancelled
        }
        if cancelledEarly {
            task.cancel()
        } else {
            task.resume()
        }
    }

    func cancel() {
        let task = state.withLock { state in
            state.isCancelled = true
            return state.task
        }
        task?.cancel()
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
