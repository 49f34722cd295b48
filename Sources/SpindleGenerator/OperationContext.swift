import SpindleIR
import SpindleOpenAPI

/// Turns IR operations into the dictionaries `operation.mustache` renders.
struct OperationContextBuilder {
    let spelling: SwiftTypeSpelling
    let access: String
    let errorName: String
    let errorBodyName: String
    /// The error decoder function of each operation, by ``ErrorBodyCases/key(_:)``.
    let errorDecoders: [String: String]
    let schemes: [IRSecurityScheme]
    let moduleSchemes: [String]

    /// Locals of the generated method bodies (and the resource's `client`) that a parameter's variable must not
    /// shadow: a parameter keeps its argument label and gets another variable name.
    static let bodyLocals = ["request", "client", "pageRequest", "self", "options", "body"]

    /// The variable (escaped) that holds each parameter, by Swift name.
    func parameterVariables(_ operation: IROperation) -> [String: String] {
        let names = operation.parameters.map(\.swiftName)
        let candidates = names.map { Self.bodyLocals.contains($0) ? $0 + "Value" : $0 }
        let unique = SwiftNaming.uniqued(Self.bodyLocals + candidates).dropFirst(Self.bodyLocals.count)
        return Dictionary(zip(names, unique.map(SwiftNaming.escaped)), uniquingKeysWith: { first, _ in first })
    }

    func context(for operation: IROperation) -> [String: Any] {
        let variables = parameterVariables(operation)
        let parameters = orderedParameters(operation, variables: variables)
        var requestStatements: [String] = []
        if operation.security != moduleSchemes {
            let selected = schemes.filter { operation.security.contains($0.name) }
            requestStatements.append("request.security = [\(selected.map(securityLiteral).joined(separator: ", "))]")
        }
        if operation.isSecurityOptional && !operation.security.isEmpty {
            requestStatements.append("request.isSecurityOptional = true")
        }
        for parameter in operation.parameters {
            requestStatements.append(builderStatement(parameter, variable: variables[parameter.swiftName] ?? parameter.swiftName))
        }
        if let body = operation.requestBody {
            requestStatements.append(bodyStatement(body))
        }
        let returnType = operation.successResponse?.type.map { spelling.spell($0) }
        // The builder's first line starts at column 22 once indented: `        let request = `.
        let builder = wrappedCall(
            "HTTPRequestBuilder",
            [
                "method: .\(operation.httpMethod.rawValue)", "path: \(swiftStringLiteral(operation.path))",
                "operation: \(swiftStringLiteral(callPath(operation)))",
            ],
            indent: 8, startColumn: 22
        )
        return [
            "access": access,
            "docs": docs(operation, parameters: parameters),
            "deprecated": operation.deprecated,
            "methodName": SwiftNaming.escaped(operation.methodName),
            "parameters": parameters.map(\.context),
            "errorName": errorName,
            "errorBodyName": errorBodyName,
            "returnType": returnType ?? false,
            "requestBuilder": builder,
            "requestStatements": requestStatements,
            "mutatesRequest": !requestStatements.isEmpty,
            "errorDecoder": errorDecoder(operation),
            "pagination": paginationContext(operation, parameters: parameters, variables: variables) ?? false,
        ]
    }

    /// The `<method>Pages` and `<method>All` companions of a paginated operation.
    private func paginationContext(
        _ operation: IROperation, parameters: [MethodParameter], variables: [String: String]
    ) -> [String: Any]? {
        guard let pagination = operation.pagination, let page = operation.successResponse?.type,
            case .array(let item) = pagination.items.type
        else { return nil }
        let method = operation.methodName
        let items = pagination.items.isOptional ? "\(pagination.items.swiftExpression) ?? []" : pagination.items.swiftExpression
        func argument(_ parameter: MethodParameter, replacing: String? = nil, with value: String? = nil) -> String {
            "\(parameter.name): \(parameter.name == replacing ? value! : parameter.label)"
        }
        // Fetch statements sit at column 12 of the template (16 once the operation is indented).
        func call(replacing: String?, with value: String?, prefix: String = "") -> String {
            let arguments = parameters.map { argument($0, replacing: replacing, with: value) } + ["options: options"]
            return wrappedCall(prefix + "try await self.\(SwiftNaming.escaped(method))", arguments, indent: 16)
        }
        func variable(_ name: String) -> String { variables[name] ?? SwiftNaming.escaped(name) }
        var fetch: [String] = []
        let strategy: String
        switch pagination.style {
        case .cursor:
            guard let cursor = pagination.cursorParameter, let next = pagination.nextCursor,
                pagination.nextCursor?.type == .string
            else { return nil }
            fetch = [call(replacing: cursor, with: "pageRequest.cursor ?? \(variable(cursor))")]
            strategy = ".cursor { $0\(next.swiftExpression) }"
        case .offset:
            guard let offset = pagination.offsetParameter else { return nil }
            let hasMore = pagination.hasMore.map { ", hasMore: { $0\($0.swiftExpression) }" } ?? ""
            let owner = pagination.inBody ? "body." : ""
            let limit = pagination.advancesByLimit ? pagination.limitParameter.map { ", limit: \(owner)\(variable($0))" } ?? "" : ""
            if pagination.inBody {
                fetch = ["var body = body", "body.\(variable(offset)) = pageRequest.offset", call(replacing: nil, with: nil, prefix: "return ")]
            } else {
                fetch = [call(replacing: offset, with: "pageRequest.offset ?? \(variable(offset))")]
            }
            strategy = ".offset(start: \(owner)\(variable(offset)) ?? 0, items: { $0\(items) }\(hasMore)\(limit))"
        case .page:
            guard let pageParameter = pagination.pageParameter, !pagination.inBody else { return nil }
            fetch = [call(replacing: pageParameter, with: "pageRequest.pageNumber ?? \(variable(pageParameter))")]
            let total = pagination.total.map { ", total: { $0\($0.swiftExpression) }" } ?? ""
            let limit = pagination.limitParameter.map { ", limit: \(variable($0))" } ?? ""
            strategy = ".page(start: \(variable(pageParameter)) ?? 1, items: { $0\(items) }\(total)\(limit))"
        }
        return [
            "operationName": swiftStringLiteral("\(callPath(operation)) (\(operation.httpMethod.rawValue.uppercased()) \(operation.path))"),
            "pagesMethodName": SwiftNaming.escaped(method + "Pages"),
            "itemsMethodName": SwiftNaming.escaped(method + "All"),
            "pageType": spelling.spell(page),
            "itemType": spelling.spell(item),
            "fetchStatements": fetch,
            "strategy": strategy,
            "itemsCall": wrappedCall(
                SwiftNaming.escaped(method + "Pages"), parameters.map { "\($0.name): \($0.label)" } + ["options: options"],
                indent: 8, suffix: ".items { $0\(items) }"),
        ]
    }

    /// The operation as its call site spells it, such as `customers.integrations.list`.
    private func callPath(_ operation: IROperation) -> String {
        (operation.resource + [operation.methodName]).joined(separator: ".")
    }

    /// A method parameter: label, type, default and doc text.
    struct MethodParameter {
        /// The argument label (unescaped: labels may be keywords).
        var name: String
        /// The parameter as a variable (escaped).
        var label: String
        var swiftType: String
        var defaultArgument: String?
        var docs: String?

        var context: [String: Any] {
            // `label variable` when the variable was renamed away from a body local.
            let declaration = SwiftNaming.escaped(name) == label ? label : "\(SwiftNaming.escaped(name)) \(label)"
            return ["label": declaration, "swiftType": swiftType, "defaultArgument": defaultArgument ?? false]
        }
    }

    /// Path parameters in path order, then other required ones, then the body, then optional ones.
    func orderedParameters(_ operation: IROperation, variables: [String: String] = [:]) -> [MethodParameter] {
        let placeholders = pathPlaceholders(operation.path)
        let path = operation.parameters.filter { $0.location == .path }
            .sorted { (placeholders.firstIndex(of: $0.name) ?? 0) < (placeholders.firstIndex(of: $1.name) ?? 0) }
        let others = operation.parameters.filter { $0.location != .path }
        func methodParameter(_ parameter: IRParameter) -> MethodParameter {
            self.methodParameter(parameter, variable: variables[parameter.swiftName] ?? SwiftNaming.escaped(parameter.swiftName))
        }
        var result = (path + others.filter(\.required)).map(methodParameter)
        if let body = operation.requestBody {
            let type = spelling.spell(body.type)
            result.append(
                MethodParameter(
                    name: "body", label: "body", swiftType: body.required ? type : type + "?",
                    defaultArgument: body.required ? (canDefaultConstruct(body.type) ? ".init()" : nil) : "nil",
                    docs: body.description ?? "The request body."))
        }
        result += others.filter { !$0.required }.map(methodParameter)
        return result
    }

    private func methodParameter(_ parameter: IRParameter, variable: String) -> MethodParameter {
        let type = spelling.spell(parameter.type)
        var defaultArgument: String?
        if !parameter.required {
            defaultArgument = "nil"
        } else if let value = parameter.defaultValue, let literal = literal(value, for: parameter.type) {
            defaultArgument = literal
        }
        return MethodParameter(
            name: parameter.swiftName,
            label: variable,
            swiftType: parameter.required ? type : type + "?",
            defaultArgument: defaultArgument,
            docs: parameter.description)
    }

    /// A Swift literal for a spec default, where the type has one.
    private func literal(_ value: Literal, for type: IRTypeRef) -> String? {
        switch type {
        case .string: value.stringValue.map(swiftStringLiteral)
        case .integer: value.intValue.map(String.init)
        case .number: value.doubleValue.map { String($0) }
        case .boolean: value.boolValue.map { String($0) }
        default: nil
        }
    }

    /// Whether `.init()` builds the type: an object whose properties are all optional.
    private func canDefaultConstruct(_ type: IRTypeRef) -> Bool {
        guard case .named(let path) = type, let found = spelling.lookup(path), case .object(let object) = found.kind else { return false }
        return object.properties.allSatisfy { $0.presence != .required }
    }

    private func builderStatement(_ parameter: IRParameter, variable value: String) -> String {
        let name = swiftStringLiteral(parameter.name)
        switch parameter.location {
        case .path:
            return "request.setPathParameter(\(name), \(value))"
        case .query:
            var arguments = ""
            switch parameter.style {
            case .spaceDelimited: arguments += ", style: .spaceDelimited"
            case .pipeDelimited: arguments += ", style: .pipeDelimited"
            case .deepObject: arguments += ", style: .deepObject"
            default: break
            }
            if !parameter.explode { arguments += ", explode: false" }
            return "request.addQuery(\(name), \(value)\(arguments))"
        case .header:
            return "request.setHeader(\(name), \(value)\(parameter.explode ? ", explode: true" : ""))"
        case .cookie:
            return "request.addCookie(\(name), \(value)\(parameter.explode ? "" : ", explode: false"))"
        }
    }

    private func bodyStatement(_ body: IRRequestBody) -> String {
        switch body.contentType {
        case "application/x-www-form-urlencoded": "request.setFormBody(body)"
        case let type where type == "application/json" || type.hasSuffix("+json"):
            type == "application/json" ? "request.setJSONBody(body)" : "request.setJSONBody(body, contentType: \(swiftStringLiteral(type)))"
        default:
            body.type == .data ? "request.setBody(body, contentType: \(swiftStringLiteral(body.contentType)))" : "request.setJSONBody(body)"
        }
    }

    private func errorDecoder(_ operation: IROperation) -> String {
        "\(errorBodyName).\(errorDecoders[ErrorBodyCases.key(operation)] ?? "undocumented")"
    }

    private func docs(_ operation: IROperation, parameters: [MethodParameter]) -> [String] {
        var lines = docLines(operation.summary)
        let description = docLines(operation.description)
        if !description.isEmpty && description != lines {
            if !lines.isEmpty { lines.append("") }
            lines += description
        }
        if !lines.isEmpty { lines.append("") }
        lines.append("`\(operation.httpMethod.rawValue.uppercased()) \(commentLine(operation.path))`")
        lines.append("")
        lines.append("- Parameters:")
        for parameter in parameters {
            let text = docLines(parameter.docs, width: 80)
            lines.append("  - \(parameter.label.replacingOccurrences(of: "`", with: "")): \(text.first ?? "")")
            lines += text.dropFirst().map { "    " + $0 }
        }
        lines.append("  - options: Per-request timeout, retries, idempotency key and extra headers.")
        // Only a method that returns something documents what: DocC warns about `Returns` on a `Void` method.
        if let success = operation.successResponse, success.type != nil, let description = success.description {
            // Each line of a multi-line description stays inside the comment.
            let returns = docLines(description, width: .max)
            lines.append("- Returns: \(returns.first ?? "")")
            lines += returns.dropFirst().map { "  " + $0 }
        }
        lines.append("- Throws: `\(errorName)`, with the decoded body for documented error statuses.")
        return lines
    }

    /// `name(a, b)` on one line when it fits at `indent` (the final column of the template line
    /// plus the operation's own indentation), or at `startColumn` when the call follows other code on its
    /// line; else one argument per line.
    private func wrappedCall(
        _ name: String, _ arguments: [String], indent: Int, startColumn: Int? = nil, suffix: String = ""
    ) -> String {
        let single = "\(name)(\(arguments.joined(separator: ", ")))\(suffix)"
        if (startColumn ?? indent) + single.count <= lineLimit { return single }
        let inner = String(repeating: " ", count: indent)
        let outer = String(repeating: " ", count: indent - 4)
        return "\(name)(\n" + arguments.map { inner + $0 }.joined(separator: ",\n") + "\n\(outer))\(suffix)"
    }

    private func securityLiteral(_ scheme: IRSecurityScheme) -> String {
        switch scheme.kind {
        case .apiKey(let name, let location): ".apiKey(name: \(swiftStringLiteral(name)), in: .\(location.rawValue))"
        case .bearer: ".bearer"
        case .basic: ".basic"
        }
    }
}
