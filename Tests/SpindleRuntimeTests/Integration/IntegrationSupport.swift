import Foundation
import SpindleRuntime

/// A client for the integration tests: a real transport (URLSession unless told), quick backoff, generous but
/// bounded timeouts.
func integrationClient(
    _ serverURL: URL,
    transport: TransportUnderTest = .urlSession,
    maxRetries: Int = 2,
    timeout: Duration = .seconds(30),
    logger: (@Sendable (LogEvent) -> Void)? = nil
) -> WidgetClient {
    WidgetClient(
        apiKey: "test-key",
        serverURL: serverURL,
        configuration: ClientConfiguration(
            transport: transport.make(),
            retryPolicy: RetryPolicy(maxRetries: maxRetries, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)),
            timeout: timeout,
            logger: logger
        )
    )
}

/// Counts requests on the server side and records them.
final class RequestLog: Sendable {
    private let storage = Mutex<[ServerRequest]>([])

    /// Records `request` and returns how many requests (including this one) have arrived.
    func record(_ request: ServerRequest) -> Int {
        storage.withLock { requests in
            requests.append(request)
            return requests.count
        }
    }

    var requests: [ServerRequest] { storage.withLock { $0 } }
    var count: Int { requests.count }
}

let widgetJSON = #"{"id":"w1","name":"Widget"}"#
