import Foundation
import SpindleIR
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

/// A lower bound of the bytes a module's rendering writes, by part (the client, each type, each
/// operation), computed from the IR without rendering anything.
struct OutputEstimate {
    /// One type or operation and the least it adds to the output.
    struct Part {
        /// What it is, for messages: `type 'Pet'`.
        var name: String
        var location: SourceLocation?
        var bytes: Int
    }

    private(set) var parts: [Part] = []
    private(set) var total = 0

    /// The estimate for `module`, whose types are declared as `declaredTypes` (after ``TypeDeduplication``).
    init(module: IRModule, declaredTypes: [IRType]) {
        add(Part(name: "the client's documentation", location: nil, bytes: Self.text(module.title) + Self.text(module.description) + 500))
        func visit(_ type: IRType) {
            add(Part(name: "type '\(type.path.joined(separator: "."))'", location: type.location, bytes: Self.bytes(of: type)))
            type.nested.forEach(visit)
        }
        declaredTypes.forEach(visit)
        for operation in module.operations {
            let name = "operation '\(operation.httpMethod.rawValue.uppercased()) \(operation.path)'"
            add(Part(name: name, location: operation.location, bytes: Self.bytes(of: operation)))
        }
    }

    private mutating func add(_ part: Part) {
        parts.append(part)
        total += part.bytes
    }

    /// What a declaration writes at least: its documentation, and per member the names and types its
    /// declaration, initializer and coding write (counted fewer times than they are).
    private static func bytes(of type: IRType) -> Int {
        var bytes = text(type.name) + text(type.description) + 20
        switch type.kind {
        case .object(let object):
            bytes += 150
            for property in object.properties {
                bytes += text(property.description) + 4 * text(property.swiftName) + 2 * text(property.jsonName)
                    + 2 * spelled(property.type) + 100
            }
        case .enumeration(let enumeration):
            bytes += 150
            for enumCase in enumeration.cases { bytes += 2 * text(enumCase.swiftName) + text(enumCase.rawValue) + 40 }
        case .union(let union):
            bytes += 150
            for variant in union.variants {
                bytes += 3 * text(variant.swiftName) + 2 * spelled(variant.type) + 80
                bytes += (variant.requiredKeys + variant.discriminatorValues).reduce(0) { $0 + text($1) }
            }
        case .alias(let target), .wrapper(let target):
            bytes += spelled(target)
        }
        return bytes
    }

    /// What a method writes at least: its documentation (summary or description, every parameter's, the
    /// result's) and its signature.
    private static func bytes(of operation: IROperation) -> Int {
        var bytes = max(text(operation.summary), text(operation.description)) + text(operation.path) + 2 * text(operation.methodName) + 300
        for parameter in operation.parameters {
            bytes += text(parameter.description) + 3 * text(parameter.swiftName) + text(parameter.name) + spelled(parameter.type) + 40
        }
        if let body = operation.requestBody { bytes += text(body.description) + spelled(body.type) }
        bytes += text(operation.successResponse?.description)
        return bytes
    }

    private static func text(_ text: String?) -> Int { text?.utf8.count ?? 0 }

    /// The length of the shortest spelling of `type` (a generated type by its name alone).
    private static func spelled(_ type: IRTypeRef) -> Int {
        switch type {
        case .named(let path): text(path.last)
        case .array(let element): 2 + spelled(element)
        case .map(let value): 10 + spelled(value)
        default: 3
        }
    }
}

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
