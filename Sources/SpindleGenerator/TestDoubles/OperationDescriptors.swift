import SpindleIR

/// The context of `operations.mustache`: the client's operations as `APIOperation` values under
/// `<Client>.Operations`, along the same paths as the calls, and the error body's `Encodable` conformance,
/// which tests answer operations with (`StubTransport`).
struct OperationDescriptors {
    let tree: ResourceTree
    let module: IRModule
    /// Spells what operations return; its spelling qualifies the types the namespace would hide
    /// (``SwiftTypeSpelling/qualifying(_:)``, ``shadowedNames(_:)``).
    let operations: OperationContextBuilder
    let access: String
    let errorBodyName: String
    /// The error body's cases, for its `encode(to:)`.
    let errorCases: [[String: Any]]

    /// The name of the namespace, inside the client; its members must not shadow the module's types.
    static let namespace = "Operations"

    /// The type names declared where the descriptors are: the namespace and the resources' types, under it and
    /// under the client.
    static func shadowedNames(_ tree: ResourceTree) -> Set<String> {
        Set([namespace] + tree.root.flattened().dropFirst().map(\.typeName))
    }

    /// The property of an operation named `method`: its name, unless a sub-resource beside it has that name (a
    /// method and a resource may share one, two properties may not), then `<method>Operation`.
    static func propertyName(_ method: String, besideResources resources: [String]) -> String {
        resources.contains(method) ? method + "Operation" : method
    }

    func context() -> [String: Any] {
        let nodes = tree.root.flattened().dropFirst()
        let example =
            (tree.root.operations.first ?? nodes.first { !$0.operations.isEmpty }?.operations.first)
            .map(operations.callPath) ?? "operation"
        return [
            "access": access,
            "clientName": module.clientName,
            "errorBodyName": errorBodyName,
            "example": example,
            "operations": tree.root.operations.map { declaration($0, isStatic: true, beside: tree.root) },
            "resources": tree.root.children.map(\.propertyContext),
            "nodes": nodes.map { node -> [String: Any] in
                [
                    "access": access,
                    "parentName":
                        ([module.clientName, Self.namespace] + node.path.dropLast().map(ResourceTree.Node.typeName))
                        .joined(separator: "."),
                    "typeName": node.typeName,
                    "pathDescription": node.path.joined(separator: "."),
                    "operations": node.operations.map { declaration($0, isStatic: false, beside: node) },
                    "children": node.children.map(\.propertyContext),
                ]
            },
            "cases": errorCases,
            "hasCases": !errorCases.isEmpty,
        ]
    }

    /// `public let list = APIOperation(response: Page.self, errorBody: …, name: …, method: …, path: …, successStatus: …)`,
    /// with its doc comment, at the indentation of a member (8 spaces).
    private func declaration(_ operation: IROperation, isStatic: Bool, beside node: ResourceTree.Node) -> String {
        let name = operations.callPath(operation)
        let response = operations.returnType(operation) ?? "Void"
        let property = Self.propertyName(operation.methodName, besideResources: node.children.compactMap(\.path.last))
        let head = "\(access) \(isStatic ? "static " : "")let \(SwiftNaming.escaped(property)) = "
        let call = operations.wrappedCall(
            "APIOperation",
            [
                "response: \(response).self", "errorBody: \(errorBodyName).self", "name: \(swiftStringLiteral(name))",
                "method: .\(operation.httpMethod.rawValue)",
                "path: \(swiftStringLiteral(operation.path))",
                "successStatus: \(operation.successResponse?.statusCode ?? 200)",
            ],
            indent: 12, startColumn: 8 + head.count)
        return
            "        /// `\(commentLine(name))`: `\(operation.httpMethod.rawValue.uppercased()) \(commentLine(operation.path))`.\n"
            + "        " + head + call
    }
}

extension SwiftTypeSpelling {
    /// This spelling with types named like a declaration in `shadowing` (the names a generated namespace
    /// declares) qualified by the module's name, so that the namespace's own declaration does not hide them.
    func qualifying(_ shadowing: Set<String>) -> SwiftTypeSpelling {
        let declared = self.declared
        let moduleName = moduleName
        return SwiftTypeSpelling(
            moduleName: moduleName, declaredNames: declaredNames, lookup: lookup,
            declared: { path in
                let own = declared(path)
                return own.first.map(shadowing.contains) == true ? [moduleName] + own : own
            })
    }
}
