import Foundation

/// A value shared between a server thread and the test.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func get() -> Value { lock.withLock { value } }
    public func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

extension Locked where Value == Int {
    /// Adds `amount` (one by default) and returns the new value.
    public func increment(by amount: Int = 1) -> Int {
        lock.withLock {
            value += amount
            return value
        }
    }
}
