import SpindleYAML

/// The most bytes of Swift one module's generation may write.
///
/// A spec can make the generator write far more than it reads. Aliases are bounded by the YAML
/// parser's budgets, but references are not: a parameter with a 1 MiB description that a thousand
/// operations refer to is documented in each of their methods, a gigabyte of comments from a
/// megabyte of spec. The budget is checked twice, each time with a located error:
///
/// - before rendering, against a lower bound of the output (``OutputEstimate``): the spec's text
///   counted at every place it is written, and a little code per member. This stops such a spec
///   before its text is copied a thousand times in memory;
/// - while rendering, against the bytes rendered so far, which bounds what the estimate leaves out.
///
/// The default, 128 MiB, is twice the largest output a spec of the test suite is meant to produce (a
/// 50 MB `info.description`, which the client documents whole) and about twenty times Stripe's module.
public struct OutputBudget: Sendable {
    /// The most bytes the generated files of one module may hold together.
    public var maxBytes: Int

    /// 128 MiB.
    public static let defaultMaxBytes = 128 << 20

    /// A budget of `maxBytes`.
    public init(maxBytes: Int = OutputBudget.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// Throws when the estimate of `module`'s output (its types as declared) is already over the budget.
    func check(_ estimate: OutputEstimate, fallback: SourceLocation?) throws(OutputTooLarge) {
        guard estimate.total > maxBytes else { return }
        // The first of the largest, so the message does not depend on how ties are broken.
        let largest = estimate.parts.reduce(nil as OutputEstimate.Part?) { best, part in
            best.map { part.bytes > $0.bytes ? part : $0 } ?? part
        }
        var message = "the generated module would be at least \(estimate.total) bytes, over the budget of \(maxBytes) bytes"
        if let largest { message += "; the largest part is \(largest.name), at least \(largest.bytes) bytes" }
        throw OutputTooLarge(diagnostic: .error(message, at: largest?.location ?? fallback))
    }
}

/// Generation stopped because the output would exceed the ``OutputBudget``.
public struct OutputTooLarge: Error, CustomStringConvertible {
    /// The located error to report.
    public var diagnostic: Diagnostic

    public var description: String { diagnostic.description }
}
