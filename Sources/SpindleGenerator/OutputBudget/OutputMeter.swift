import Foundation
import SpindleYAML

/// The bytes rendered so far, shared by the concurrent rendering jobs.
final class OutputMeter: @unchecked Sendable {
    private let maxBytes: Int
    private let lock = NSLock()
    private var total = 0
    /// The error of the job that crossed the budget; every later job throws it too.
    private var exceeded: OutputTooLarge?

    init(budget: OutputBudget) { maxBytes = budget.maxBytes }

    /// Throws when an earlier job has crossed the budget, so that nothing more is rendered.
    func checkOpen() throws(OutputTooLarge) {
        if let exceeded = lock.withLock({ exceeded }) { throw exceeded }
    }

    /// Counts `text`, rendered for `part` (described as in messages, located where the spec writes it),
    /// and returns it; throws when the output is now over the budget.
    func count(_ text: String, for part: String, at location: SourceLocation?) throws(OutputTooLarge) -> String {
        let error: OutputTooLarge? = lock.withLock {
            if exceeded == nil {
                total += text.utf8.count
                if total > maxBytes {
                    exceeded = OutputTooLarge(
                        diagnostic: .error("the generated module exceeds the budget of \(maxBytes) bytes while writing \(part)", at: location))
                }
            }
            return exceeded
        }
        if let error { throw error }
        return text
    }
}
