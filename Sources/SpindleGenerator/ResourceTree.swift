import SpindleIR

/// Operations grouped by resource path, so call sites read `client.customers.integrations.list()`.
struct ResourceTree {
    final class Node {
        let path: [String]
        let clientName: String
        var children: [Node] = []
        var operations: [IROperation] = []

        init(path: [String], clientName: String) {
            self.path = path
            self.clientName = clientName
        }

        /// `CustomersAPI` for the `customers` resource.
        var typeName: String { SwiftNaming.typeName(path.last ?? "") + "API" }
        var qualifiedName: String { ([clientName] + path.indices.map { Node.typeName(path[$0]) }).joined(separator: ".") }
        var parentQualifiedName: String { ([clientName] + path.dropLast().map(Node.typeName)).joined(separator: ".") }
        static func typeName(_ segment: String) -> String { SwiftNaming.typeName(segment) + "API" }

        var propertyContext: [String: Any] {
            [
                "propertyName": SwiftNaming.escaped(path.last ?? ""),
                "typeName": typeName,
                "docs": "Operations under `\(path.joined(separator: "."))`.",
            ]
        }

        /// This node and its descendants, parents first.
        func flattened() -> [Node] { [self] + children.flatMap { $0.flattened() } }
    }

    let root: Node

    init(operations: [IROperation], clientName: String) {
        root = Node(path: [], clientName: clientName)
        for operation in operations {
            var node = root
            for segment in operation.resource {
                if let child = node.children.first(where: { $0.path.last == segment }) {
                    node = child
                } else {
                    let child = Node(path: node.path + [segment], clientName: clientName)
                    node.children.append(child)
                    node.children.sort { $0.path.last! < $1.path.last! }
                    node = child
                }
            }
            node.operations.append(operation)
        }
    }
}
