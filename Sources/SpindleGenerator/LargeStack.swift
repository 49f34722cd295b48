import Foundation

/// Runs `body` on a thread with a stack of `size` bytes and returns its result.
///
/// IR building recurses once per schema it reaches through a chain of references (component A
/// holds B, which holds C, …). A spec with thousands of such links overflows the 512 KiB–8 MiB
/// stack of the calling thread (a release build overflowed 8 MiB at about 5,000 links); 1 GiB of
/// stack (address space, committed only as it is touched) is some hundred times that.
///
/// `body` is escaping on purpose: the thread object may still hold it for a moment after it
/// has run, which `withoutActuallyEscaping` would report as an escape (a trap).
func onLargeStack<T>(size: Int = 1 << 30, _ body: @escaping () -> T) -> T {
    let job = StackJob(body)
    let thread = Thread { job.run() }
    thread.stackSize = size
    thread.start()
    job.done.wait()
    return job.result!
}

/// The work and result handed to the thread; the semaphore orders the accesses.
private final class StackJob<T>: @unchecked Sendable {
    let body: () -> T
    var result: T?
    let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> T) { self.body = body }

    func run() {
        result = body()
        done.signal()
    }
}
