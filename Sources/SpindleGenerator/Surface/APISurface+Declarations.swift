extension APISurface {
    /// Every public declaration of the generated module that this surface stands for, as the compiler's
    /// symbol graph names them: `Customer.init(id:name:additionalProperties:)`,
    /// `StiggClient.CustomersAPI.list(limit:options:)`, `StiggErrorBody.notFound(_:)`.
    ///
    /// Members every type of a kind has (`init(from:)`, `rawValue`, a union's `unknown` case) follow from
    /// its kind; the rest from what the surface records. Complete for surfaces of the current format.
    public var declarations: Set<String> {
        var result: Set<String> = [module + "Error"]
        if let client {
            result.formUnion([client.name, client.name + ".client", client.name + ".defaultServerURL", client.name + "." + client.initializer])
            // What tests answer operations by: one `APIOperation` per operation, along its call path.
            let descriptions = client.name + "." + OperationDescriptors.namespace
            result.insert(descriptions)
            let resources = Set(operations.keys.flatMap { callPath in
                let parts = callPath.split(separator: ".")
                return (1..<parts.count).map { parts.prefix($0).joined(separator: ".") }
            })
            for (callPath, operation) in operations {
                addDeclarations(of: operation, at: callPath, client: client.name, to: &result)
                // A resource beside the operation with the method's name renames its description.
                let method = String(callPath.split(separator: ".").last!)
                let property = resources.contains(callPath) ? OperationDescriptors.propertyName(method, besideResources: [method]) : method
                result.insert(resourcePath(callPath, under: descriptions, into: &result) + "." + property)
            }
        }
        if let errorBody {
            result.insert(errorBody.name)
            for name in errorBody.cases.keys { result.insert("\(errorBody.name).\(name)(_:)") }
            // Its `Encodable` conformance, for answering operations with it in tests.
            if client != nil { result.insert(errorBody.name + ".encode(to:)") }
        }
        addTypeDeclarations(to: &result)
        return result
    }

    private func addDeclarations(of operation: OperationSurface, at callPath: String, client: String, to result: inout Set<String>) {
        let owner = resourcePath(callPath, under: client, into: &result)
        let method = String(callPath.split(separator: ".").last!)
        let labels = argumentLabels(operation.signature ?? "").filter { $0 != "options" }
        let overloads = DeprecatedParameterOverloads(
            optional: labels.map { operation.parameters[$0]?.hasSuffix("?") ?? false },
            deprecated: labels.map { operation.deprecatedParameters?[$0] != nil })
        for overload in overloads.methods {
            let declared = overload.parameters.map { labels[$0] } + ["options"]
            result.insert(owner + "." + Self.methodName(method, labels: declared))
            if operation.pagination != nil {
                result.insert(owner + "." + Self.methodName(method + "Pages", labels: declared))
                result.insert(owner + "." + Self.methodName(method + "All", labels: declared))
            }
        }
    }

    /// `<root>.<Segment>API…` for the resource of `callPath` (`customers.integrations.list`), inserting the
    /// resources' properties and types along the way; returns the owner of the method.
    private func resourcePath(_ callPath: String, under root: String, into result: inout Set<String>) -> String {
        let parts = callPath.split(separator: ".").map(String.init)
        var owner = root
        for segment in parts.dropLast() {
            result.insert(owner + "." + segment)
            owner += "." + ResourceTree.Node.typeName(segment)
            result.insert(owner)
        }
        return owner
    }

    private func addTypeDeclarations(to result: inout Set<String>) {
        // The nested types of a repeated shape are the ones of the type it is an alias of.
        let repeats = types.filter { $0.value.declaredAs != nil }.map(\.key)
        let declaredTypes = types.filter { entry in !repeats.contains { entry.key.hasPrefix($0 + ".") } }
        let declaredPaths = DeprecatedTypeNames.declaredPaths(
            declaredTypes.map { ($0.key.split(separator: ".").map(String.init), $0.value.deprecated != nil && $0.value.renamed != true) })
        for (key, type) in declaredTypes {
            let path = key.split(separator: ".").map(String.init)
            let declared = (declaredPaths[key] ?? path).joined(separator: ".")
            if type.deprecated != nil {
                // The type's own name, a deprecated alias beside the declaration (in its parent's declaration).
                let parent = declaredPaths[path.dropLast().joined(separator: ".")] ?? []
                result.insert((parent + [path.last!]).joined(separator: "."))
            }
            result.insert(declared)
            guard type.declaredAs == nil, type.renamed != true else { continue }
            let members: [String]
            switch type.kind {
            case "struct":
                let properties = Array((type.properties ?? [:]).keys)
                members = ["additionalProperties", "init(from:)", "encode(to:)", type.initializer ?? "init()"] + properties
                    + (properties.isEmpty ? [] : ["declaredNames"])
            case "enum":
                members = ["rawValue", "init(rawValue:)", "allKnownValues"] + Array((type.cases ?? [:]).keys)
            case "union":
                members = ["unknown(_:)", "init(from:)", "encode(to:)"] + (type.cases ?? [:]).keys.map { $0 + "(_:)" }
            case "wrapper":
                members = ["value", "init(_:)", "init(from:)", "encode(to:)"]
            case "form":
                members = ["form", "init(form:)", type.initializer ?? "init()"] + Array((type.properties ?? [:]).keys)
            default:
                members = []
            }
            for member in members { result.insert(declared + "." + member) }
        }
    }
}
