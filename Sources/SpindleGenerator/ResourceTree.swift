import SpindleIR

/// Operations grouped by resource path, so call sites read `client.customers.integrations.list()`.
struct ResourceTree: Sendable {
    /// A resource: its operations and its sub-resources, sorted by name. A value, so that resource
    /// files can be rendered concurrently.
    struct Node: Sendable {
        let path: [String]
        let clientName: String
        let children: [Node]
        let operations: [IROperation]

        /// The node at `path` for `operations`, whose resource paths all start with `path`.
        init(path: [String], operations: [IROperation], clientName: String) {
            var own: [IROperation] = []
            var byChild: [String: [IROperation]] = [:]
            for operation in operations {
                if operation.resource.count == path.count {
                    own.append(operation)
                } else {
                    byChild[operation.resource[path.count], default: []].append(operation)
                }
            }
            self.path = path
            self.clientName = clientName
            self.operations = own
            self.children = byChild.keys.sorted().map {
                Node(path: path + [$0], operations: byChild[$0]!, clientName: clientName)
            }
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
        root = Node(path: [], operations: operations, clientName: clientName)
    }
}
