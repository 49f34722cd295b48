/// Results of `count` independent jobs that run concurrently (`DispatchQueue.concurrentPerform`), each
/// stored at its job's index so the order never depends on scheduling.
///
/// `@unchecked Sendable` because the slots are written without a lock: every index is written by exactly
/// one job, and `values()` is read only after `concurrentPerform` has returned (which orders those writes
/// before the read).
final class ConcurrentResults<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Result<Value, any Error>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }

    /// Runs `job` and stores its value or error at `index`; call once per index.
    func set(_ index: Int, _ job: () throws -> Value) {
        precondition(index >= 0 && index < count, "index out of range")
        base[index] = Result(catching: job)
    }

    /// The value at `index`, which the slot then gives up so that its memory can go as soon as the caller is
    /// done with it; call once per index, after `concurrentPerform` has returned (one caller per index may
    /// run concurrently with the others).
    func take(_ index: Int) throws -> Value {
        let result = slot(index)
        base[index] = nil
        return try result.get()
    }

    /// The values in index order; rethrows the error of the first job (by index) that failed.
    func values() throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for index in 0..<count { values.append(try slot(index).get()) }
        return values
    }

    /// The result stored at `index`; a job that did not run, or was taken, is a programming error.
    private func slot(_ index: Int) -> Result<Value, any Error> {
        precondition(index >= 0 && index < count, "index out of range")
        guard let result = base[index] else { preconditionFailure("job \(index) did not run or was taken") }
        return result
    }
}

extension ConcurrentResults where Value == String {
    /// The UTF-8 size of the string at `index`, leaving it in place; rethrows the job's error.
    func size(of index: Int) throws -> Int {
        try slot(index).get().utf8.count
    }
}
