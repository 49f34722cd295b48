import SpindleIR
import SpindleYAML

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
            let name = "operation '\(operation.httpMethod.rawValue.uppercased()) \(operation.pathKey)'"
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
        case .multipartForm(let form):
            bytes += 300
            for part in form.parts {
                bytes += text(part.description) + 6 * text(part.swiftName) + 2 * text(part.name) + 2 * spelled(part.type) + 120
            }
        }
        return bytes
    }

    /// What a method writes at least: its documentation (summary or description, every parameter's, the
    /// result's) and its signature.
    private static func bytes(of operation: IROperation) -> Int {
        var bytes = max(text(operation.summary), text(operation.description)) + text(operation.pathKey) + 2 * text(operation.methodName) + 300
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
