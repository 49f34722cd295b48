#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The `String`s of a document's long scalars, made once per node.
///
/// A node is read wherever it is used, and references and aliases let a spec use one node many
/// times: a parameter with a 1 MiB description that a thousand operations refer to was a thousand
/// 1 MiB strings, a gigabyte, before any budget on the output could see it. Each long scalar is one
/// string, shared by every reader. Short ones are cheaper to make again than to look up.
final class LongScalarCache: @unchecked Sendable {
    /// Scalars at least this long, in bytes, are cached.
    static let threshold = 1024

    // A pthread mutex rather than Foundation's `NSLock`: this module does without Foundation. It is
    // allocated, so that it never moves.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var strings: [UInt32: String] = [:]

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The string of node `index`, made by `make` the first time.
    func string(_ index: UInt32, _ make: () -> String) -> String {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let known = strings[index] { return known }
        let string = make()
        strings[index] = string
        return string
    }
}
