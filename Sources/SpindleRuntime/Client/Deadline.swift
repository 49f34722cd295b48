/// Thrown by `Deadline.run` when the operation outlives its time limit.
struct DeadlineExceeded: Error {}

/// Runs an operation with a time limit and prompt cancellation.
///
/// The operation runs in its own task and the caller is resumed by whichever comes first: the result, the
/// deadline or the caller's cancellation. Waiting on a child task instead would tie the caller to transports
/// that ignore cancellation (some Linux URLSession versions); here the operation is cancelled but not awaited.
enum Deadline {
    static func run<Value: Sendable>(
        timeout: Duration?,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.begin(continuation)
                let work = Task {
                    do {
                        race.finish(.success(try await operation()))
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = timeout.map { timeout in
                    Task {
                        try await Task.sleep(for: timeout)
                        race.finish(.failure(DeadlineExceeded()))
                    }
                }
                race.onFinish {
                    work.cancel()
                    timer?.cancel()
                }
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }
}

/// Resumes a continuation exactly once with the first result offered, even if that result arrives before
/// the continuation is registered (cancellation can fire first).
private final class Race<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var result: Result<Value, any Error>?
        var isResumed = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Locked(State())

    func begin(_ continuation: CheckedContinuation<Value, any Error>) {
        state.withLock { $0.continuation = continuation }
        resumeIfReady()
    }

    func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
        let finished = state.withLock { state in
            state.cleanup = cleanup
            return state.result != nil
        }
        if finished { cleanup() }
    }

    func finish(_ result: Result<Value, any Error>) {
        let cleanup = state.withLock { state -> (@Sendable () -> Void)? in
            guard state.result == nil else { return nil }
            state.result = result
            return state.cleanup
        }
        cleanup?()
        resumeIfReady()
    }

    private func resumeIfReady() {
        let ready = state.withLock { state -> (CheckedContinuation<Value, any Error>, Result<Value, any Error>)? in
            guard !state.isResumed, let continuation = state.continuation, let result = state.result else { return nil }
            state.isResumed = true
            return (continuation, result)
        }
        if let (continuation, result) = ready {
            continuation.resume(with: result)
        }
    }
}
