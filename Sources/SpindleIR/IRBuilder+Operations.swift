import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// Places and types every operation, sorted by resource and method name.
    func buildOperations() -> [IROperation] {
        let included = api.operations.filter { operation in
            !(operation.operationId.map(config.excludeOperations.contains) ?? false)
        }
        let placements = resolvePlacements(included)
        var result: [IROperation] = []
        // Operations of the previous generation first, for the same reason as components.
        let order = included.indices.sorted { a, b in
            let knownA = lock.operations[Self.lockKey(included[a])] != nil
            let knownB = lock.operations[Self.lockKey(included[b])] != nil
            return knownA != knownB ? knownA : a < b
        }
        for index in order {
            let (operation, placement) = (included[index], placements[index])
            result.append(buildOperation(operation, resource: placement.resource, method: placement.method))
        }
        return result.sorted { ($0.resource.joined(separator: "."), $0.methodName) < ($1.resource.joined(separator: "."), $1.methodName) }
    }

    /// Resource group and method name per operation; clashes fall back to operationId-based names.
    /// Placements from the name lock come first, so a new operation never takes an existing name.
    private func resolvePlacements(_ operations: [Operation]) -> [(resource: [String], method: String)] {
        var placements = operations.map(placement)
        var lockedIndices: Set<Int> = []
        for (index, operation) in operations.enumerated() where config.operationNames[operation.operationId ?? ""] == nil {
            guard let locked = lock.operations[Self.lockKey(operation)] else { continue }
            let parts = locked.split(separator: ".").map(String.init)
            placements[index] = (Array(parts.dropLast()), parts.last ?? placements[index].method)
            lockedIndices.insert(index)
        }
        var groups: [String: [Int]] = [:]
        for (index, placement) in placements.enumerated() {
            groups[(placement.resource + [placement.method]).joined(separator: "."), default: []].append(index)
        }
        for (_, indices) in groups where indices.count > 1 {
            let keepsName = indices.first(where: lockedIndices.contains)
            for index in indices where config.operationNames[operations[index].operationId ?? ""] == nil && index != keepsName {
                placements[index].method = fallbackMethodName(operations[index])
            }
        }
        // Still clashing (no operationIds): make them unique in order.
        var seen: [String: Int] = [:]
        for index in placements.indices {
            let key = (placements[index].resource + [placements[index].method]).joined(separator: ".")
            if let count = seen[key] {
                seen[key] = count + 1
                placements[index].method += String(count + 1)
            } else {
                seen[key] = 1
            }
        }
        return placements
    }

    /// How the name lock knows an operation: `GET /customers`.
    static func lockKey(_ operation: Operation) -> String { "\(operation.method.rawValue.uppercased()) \(operation.pathKey)" }

    private func fallbackMethodName(_ operation: Operation) -> String {
        guard let operationId = operation.operationId else {
            return SwiftNaming.memberName(operation.method.rawValue + " " + operation.pathKey)
        }
        // NestJS-style ids (`CustomerController_getCustomers`) carry the controller before '_'.
        let base = operationId.split(separator: "_").count == 2 && operationId.contains("Controller_")
            ? String(operationId.split(separator: "_")[1]) : operationId
        return SwiftNaming.memberName(base)
    }

    /// `GET /api/v1/customers` -> (["customers"], "list"); `POST /v1/customers.list` -> (["customers"], "list");
    /// `GET /items/{id}?beta=true` -> (["items"], "retrieveBeta"), beside `GET /items/{id}`'s `retrieve`.
    func placement(_ operation: Operation) -> (resource: [String], method: String) {
        if let operationId = operation.operationId, let override = config.operationNames[operationId] {
            let parts = override.split(separator: ".").map(String.init)
            return (Array(parts.dropLast()), parts.last ?? "call")
        }
        var placement = pathPlacement(operation)
        if !operation.fixedQuery.isEmpty {
            // `beta=true` reads `Beta`, `version=2` `Version2`; long values are left out, then long names cut.
            let words = operation.fixedQuery.map { $0.value == "true" || $0.value.isEmpty ? $0.name : "\($0.name) \($0.value)" }
            let full = SwiftNaming.typeName(words.joined(separator: " "))
            let names = SwiftNaming.typeName(operation.fixedQuery.map(\.name).joined(separator: " "))
            placement.method += full.count <= Self.maxQuerySuffix ? full : String(names.prefix(Self.maxQuerySuffix))
        }
        return placement
    }

    /// The most characters a fixed query adds to a method name.
    static let maxQuerySuffix = 32

    private func pathPlacement(_ operation: Operation) -> (resource: [String], method: String) {
        var segments = operation.path.split(separator: "/").map(String.init)
        while let first = segments.first, segments.count > 1, isNoiseSegment(first) { segments.removeFirst() }
        let endsWithParameter = segments.last?.hasPrefix("{") ?? false
        var resource = segments.filter { !$0.hasPrefix("{") }
        // A segment of dots only (`/..`) has no action after a dot: it is an ordinary segment.
        if let last = resource.last, last.contains("."), let action = last.split(separator: ".").last {
            let parts = last.split(separator: ".").map(String.init)
            resource = resource.dropLast() + parts.dropLast()
            return (resource.map(resourceName), SwiftNaming.memberName(String(action)))
        }
        let method: String =
            switch (operation.method, endsWithParameter) {
            case (.get, false): "list"
            case (.get, true): "retrieve"
            case (.post, false): "create"
            case (.post, true), (.put, _), (.patch, _): "update"
            case (.delete, _): "delete"
            default: operation.method.rawValue
            }
        return (resource.map(resourceName), method)
    }

    /// A path segment as a resource accessor. Every resource struct (and the client) stores its
    /// `APIClient` as `client`, so a `client` resource is `clientResource`.
    private func resourceName(_ segment: String) -> String {
        let name = SwiftNaming.memberName(segment)
        return name == "client" ? "clientResource" : name
    }

    private func isNoiseSegment(_ segment: String) -> Bool {
        let lowered = segment.lowercased()
        if ["api", "public", "rest"].contains(lowered) { return true }
        return lowered.first == "v" && lowered.count > 1 && lowered.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }

    private func buildOperation(_ operation: Operation, resource: [String], method: String) -> IROperation {
        let baseName = (resource + [method]).map(SwiftNaming.typeName).joined()
        let reserved = ["options", "body"]
        let parameterNames = SwiftNaming.uniqued(reserved + operation.parameters.map { SwiftNaming.memberName($0.name) }).dropFirst(reserved.count)
        var parameters: [IRParameter] = []
        for (parameter, swiftName) in zip(operation.parameters, parameterNames) {
            var type = IRTypeRef.string
            var constraints = Constraints()
            var defaultValue: Literal?
            if let schema = parameter.schema {
                type = typeRef(schema, context: NameContext(parent: nil, suggested: baseName + SwiftNaming.typeName(parameter.name))).type
                let resolved = loader.resolve(schema) ?? schema
                constraints = resolved.constraints
                defaultValue = resolved.defaultValue
            }
            let override = operation.operationId.flatMap { config.parameterStyles["\($0).\(parameter.name)"] }
            let style = override?.style ?? parameter.effectiveStyle
            // A style override without explode takes that style's default explode.
            let explode = override?.explode ?? (override?.style != nil ? (style == .form || style == .deepObject) : parameter.effectiveExplode)
            parameters.append(
                IRParameter(
                    name: parameter.name, swiftName: swiftName, location: parameter.location, type: type,
                    required: parameter.required, style: style, explode: explode,
                    description: parameter.description, deprecated: parameter.deprecated,
                    deprecationMessage: parameter.deprecated
                        ? Self.deprecationMessage(description: parameter.description, extensions: parameter.extensions) : nil,
                    defaultValue: defaultValue, constraints: constraints))
        }

        let owner = Self.lockKey(operation)
        let requestBody = operation.requestBody.flatMap { self.requestBody($0, baseName: baseName, owner: owner) }
        let responses = operation.responses.map { response($0, baseName: baseName, owner: owner) }

        let supported = Set(securitySchemes().map(\.name))
        let requirements = operation.security ?? api.security
        let securityRequirements = securityRequirements(requirements)
        let security = requirements.flatMap(\.schemes).filter(supported.contains)
        let isSecurityOptional = requirements.contains { requirement in
            requirement.schemes.isEmpty || !requirement.schemes.allSatisfy(supported.contains)
        }

        var result = IROperation(
            resource: resource, methodName: method, operationId: operation.operationId, httpMethod: operation.method,
            path: operation.path, summary: operation.summary, description: operation.description,
            deprecated: operation.deprecated,
            deprecationMessage: operation.deprecated
                ? Self.deprecationMessage(description: operation.description, extensions: operation.extensions) : nil,
            parameters: parameters, requestBody: requestBody,
            responses: responses, security: uniqueInOrder(security), isSecurityOptional: isSecurityOptional,
            pagination: nil, file: operation.file, location: operation.location)
        result.securityRequirements = securityRequirements
        result.fixedQuery = operation.fixedQuery
        result.pagination = pagination(for: operation, built: result)
        return result
    }

    /// `requirements` as ``IROperation/securityRequirements``: each with its schemes once, the same requirement
    /// once, those needing a scheme the client cannot apply replaced by one empty requirement at the end.
    func securityRequirements(_ requirements: [SecurityRequirement]) -> [[String]] {
        let supported = Set(securitySchemes().map(\.name))
        var result: [[String]] = []
        var isOptional = false
        for requirement in requirements {
            let schemes = uniqueInOrder(requirement.schemes)
            if schemes.isEmpty || !schemes.allSatisfy(supported.contains) {
                isOptional = true
            } else if !result.contains(schemes) {
                result.append(schemes)
            }
        }
        return isOptional && !result.isEmpty ? result + [[]] : result
    }
}

/// Keeps the first occurrence of each element, in order.
private func uniqueInOrder(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
}
