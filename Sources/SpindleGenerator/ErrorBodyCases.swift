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

    /// A status switch shared by the operations whose error responses are the same.
    struct Decoder {
        /// `decode` for the most common mapping, `decode<Operation>` for the others.
        var name: String
        /// (`case 400`, case name) in the order Swift matches them: codes, ranges, default.
        var cases: [(pattern: String, caseName: String)]
        var operations: [String]
        var needsDefault: Bool { !cases.contains { $0.pattern == "default" } }
    }

    /// The distinct status mappings of `operations`, and which decoder each operation uses.
    func decoders(for operations: [IROperation]) -> (decoders: [Decoder], byOperation: [String: String]) {
        var mappings: [[(pattern: String, caseName: String)]] = []
        var users: [[IROperation]] = []
        for operation in operations {
            let mapping = statusCases(operation)
            guard !mapping.isEmpty else { continue }
            if let index = mappings.firstIndex(where: { $0.elementsEqual(mapping, by: ==) }) {
                users[index].append(operation)
            } else {
                mappings.append(mapping)
                users.append([operation])
            }
        }
        // The mapping most operations share is plain `decode`; ties go to the first seen.
        let common = users.indices.max { users[$0].count < users[$1].count || (users[$0].count == users[$1].count && $0 > $1) }
        var decoders: [Decoder] = []
        var byOperation: [String: String] = [:]
        for (index, mapping) in mappings.enumerated() {
            let name = index == common ? "decode" : "decode" + SwiftNaming.typeName((users[index][0].resource + [users[index][0].methodName]).joined(separator: "_"))
            let labels = users[index].map { ($0.resource + [$0.methodName]).joined(separator: ".") }
            decoders.append(Decoder(name: name, cases: mapping, operations: index == common ? [] : labels))
            for operation in users[index] { byOperation[Self.key(operation)] = name }
        }
        return (decoders, byOperation)
    }

    static func key(_ operation: IROperation) -> String { "\(operation.httpMethod.rawValue) \(operation.pathKey)" }

    private func statusCases(_ operation: IROperation) -> [(pattern: String, caseName: String)] {
        let cases = operation.errorResponses.compactMap { response -> (pattern: String, caseName: String)? in
            guard let type = response.type, let name = caseName(for: type) else { return nil }
            if let code = response.statusCode { return ("case \(code)", SwiftNaming.escaped(name)) }
            if response.status == "default" { return ("default", SwiftNaming.escaped(name)) }
            let hundreds = (Int(String(response.status.prefix(1))) ?? 5) * 100
            return ("case \(hundreds)..<\(hundreds + 100)", SwiftNaming.escaped(name))
        }
        return cases.filter { !$0.pattern.contains("..<") && $0.pattern != "default" }
            + cases.filter { $0.pattern.contains("..<") } + cases.filter { $0.pattern == "default" }
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
