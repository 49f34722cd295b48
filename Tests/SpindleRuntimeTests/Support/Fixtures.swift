import Foundation
import SpindleRuntime

/// A generated-style error body: picks a schema by status and decodes the body.
enum TestErrorBody: Sendable, Equatable {
    case problem(Problem)

    struct Problem: Codable, Sendable, Equatable {
        var error: String
    }

    @Sendable static func decode(_ response: HTTPResponse) -> TestErrorBody? {
        guard (400..<600).contains(response.status) else { return nil }
        return (try? JSONCoding.makeDecoder().decode(Problem.self, from: response.body)).map(TestErrorBody.problem)
    }
}

typealias TestError = ClientError<TestErrorBody>

struct Widget: Codable, Sendable, Equatable {
    var id: String
    var name: String
}

struct WidgetPage: Codable, Sendable {
    var data: [Widget]
    var next: String?
    var hasMore: Bool?
    var total: Int?
}

/// Options that keep unit tests instant: no real sleeping, no jitter.
func instantConfiguration(
    transport: any HTTPTransport,
    retryPolicy: RetryPolicy = .default,
    timeout: Duration? = .seconds(5),
    logger: (@Sendable (LogEvent) -> Void)? = nil,
    sleeps: SleepRecorder? = nil
) -> ClientConfiguration {
    ClientConfiguration(
        transport: transport,
        retryPolicy: retryPolicy,
        timeout: timeout,
        logger: logger,
        sleep: { duration in
            sleeps?.record(duration)
            try Task.checkCancellation()
        },
        random: { 0 }
    )
}

/// Records the delays the client asked to sleep for.
final class SleepRecorder: Sendable {
    private let storage = Mutex<[Duration]>([])

    func record(_ duration: Duration) {
        storage.withLock { $0.append(duration) }
    }

    var delays: [Duration] { storage.withLock { $0 } }
}

/// Collects log events.
final class LogRecorder: Sendable {
    private let storage = Mutex<[LogEvent]>([])

    var logger: @Sendable (LogEvent) -> Void {
        { event in self.storage.withLock { $0.append(event) } }
    }

    var events: [LogEvent] { storage.withLock { $0 } }
}

/// A minimal lock for test bookkeeping (the tests run on Linux, where `Synchronization` is always available,
/// but the package also targets macOS 14, so a lock-based one is used).
final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Runs `operation` and returns the error it threw, or `nil` if it succeeded.
func expectClientError<Value, Body>(
    _ operation: () async throws(ClientError<Body>) -> Value
) async -> ClientError<Body>? {
    do {
        _ = try await operation()
        return nil
    } catch {
        return error
    }
}

extension Data {
    var text: String { String(decoding: self, as: UTF8.self) }
}

extension HTTPResponse {
    static func json(_ text: String, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json")
        return HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
    }
}

/// Whether `error` is `ClientError.cancelled` (tasks erase typed errors to `any Error`).
func isCancelled(_ error: (any Error)?) -> Bool {
    if case .cancelled = error as? TestError { true } else { false }
}

/// Polls `condition` every 10 ms for up to 5 s.
func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<500 where !condition() {
        try await Task.sleep(for: .milliseconds(10))
    }
    if !condition() { throw ConditionTimeout() }
}

struct ConditionTimeout: Error {}
