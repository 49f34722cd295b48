import SpindleIR

/// The cases of the per-API error body enum: one per distinct error schema, in first-use order.
struct ErrorBodyCases {
    struct Case {
        var name: String
        var type: IRTypeRef
        var description: String?
    }
    private(set) var cases: [Case] = []

    init(operations: [IROperation]) {
        var seen: [IRTypeRef] = []
        var names: [String] = []
        for operation in operations {
            for response in operation.errorResponses {
                guard let type = response.type, !seen.contains(type) else { continue }
                seen.append(type)
                names.append(Self.caseName(type))
                cases.append(Case(name: "", type: type, description: response.description))
            }
        }
        for (index, name) in SwiftNaming.uniqued(names).enumerated() { cases[index].name = name }
    }

    /// The case that wraps `type`.
    func caseName(for type: IRTypeRef) -> String? { cases.first { $0.type == type }?.name }

    private static func caseName(_ type: IRTypeRef) -> String {
        switch type {
        case .named(let path): SwiftNaming.memberName(path.last!)
        case .array: "list"
        case .map: "object"
        case .string: "text"
        default: "value"
        }
    }
}
