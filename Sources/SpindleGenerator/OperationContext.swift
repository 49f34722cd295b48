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
    /// The client's default requirements (``IRModule/security``); operations with others state their own.
    let defaultSecurity: [[String]]

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
        if operation.securityRequirements != defaultSecurity {
            // The statement sits at column 8; the operation is indented by 4 after rendering.
            requestStatements.append(requirementsLiteral(
                operation.securityRequirements, prefix: "request.securityRequirements = ", indent: 4, column: 8))
        }
        // The path key's fixed query first, as the spec writes it (`/items/{id}?beta=true`).
        for item in operation.fixedQuery {
            requestStatements.append(wrappedCall("request.addQuery", [swiftStringLiteral(item.name), swiftStringLiteral(item.value)], indent: 8))
        }
        if let accept = acceptStatement(operation) { requestStatements.append(accept) }
        for parameter in operation.parameters {
            requestStatements.append(builderStatement(parameter, variable: variables[parameter.swiftName] ?? parameter.swiftName))
        }
        if let body = operation.requestBody {
            requestStatements += bodyStatements(body, operation: operation)
        }
        let returnType = self.returnType(operation)
        let methods = variants(operation, parameters: parameters)
        var methodContexts = methods.enumerated().map { index, method -> [String: Any] in
            [
                "separated": index > 0,
                "access": access,
                "docs": docs(operation, parameters: method.isMain ? method.parameters : parameters),
                "availability": method.availability ?? false,
                "parameters": method.parameters.map(\.context),
                "isImplementation": false,
                "forward": method.throughImplementation
                    ? wrappedCall(
                        (returnType == nil ? "" : "return ") + "try await self.\(SwiftNaming.escaped(operation.methodName))",
                        arguments(of: method, all: parameters) + ["options: options", "()"], indent: 8)
                    : false,
            ]
        }
        if methods.count > 1 {
            // What the main method and the overloads call: every parameter, with a trailing `Void` that no public
            // method has, so it cannot be ambiguous with them.
            methodContexts.append([
                "separated": true, "access": "private", "availability": false, "isImplementation": true, "forward": false,
                "docs": ["The request `\(operation.methodName)` and its overloads with deprecated parameters send."],
                "parameters": parameters.map { parameter in
                    var parameter = parameter
                    parameter.defaultArgument = nil
                    return parameter.context
                },
            ])
        }
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
            "methodName": SwiftNaming.escaped(operation.methodName),
            "methods": methodContexts,
            "errorName": errorName,
            "errorBodyName": errorBodyName,
            "returnType": returnType ?? false,
            "requestBuilder": builder,
            "requestStatements": requestStatements,
            "mutatesRequest": !requestStatements.isEmpty,
            "errorDecoder": errorDecoder(operation),
            "paginationMethods": methods.compactMap { paginationContext(operation, method: $0, all: parameters) },
            "sendCall": sendCall(operation, returns: returnType != nil),
        ]
    }

    /// One public method of an operation (``DeprecatedParameterOverloads``).
    struct MethodVariant {
        var parameters: [MethodParameter]
        /// `@available(*, deprecated…)`, when the operation or the parameter the method requires is deprecated.
        var availability: String?
        var isMain: Bool
        /// Whether the method calls the private implementation rather than sending the request itself.
        var throughImplementation: Bool
    }

    /// The main method and, when optional parameters are deprecated, an overload for each of them.
    private func variants(_ operation: IROperation, parameters: [MethodParameter]) -> [MethodVariant] {
        let overloads = DeprecatedParameterOverloads(
            optional: parameters.map(\.isOptional), deprecated: parameters.map { $0.deprecationMessage != nil })
        // Operations are rendered at column 0 and indented once into their resource.
        func attribute(_ message: String?) -> String { DeprecationAttribute.text(message: message, indent: 4, templateIndent: 0) }
        return overloads.methods.map { method in
            var declared = method.parameters.map { parameters[$0] }
            var availability = operation.deprecated ? attribute(operation.deprecationMessage) : nil
            if let required = method.requiredDeprecated, let index = method.parameters.firstIndex(of: required) {
                // Without a default, only calls that pass the deprecated argument resolve to this overload.
                declared[index].defaultArgument = nil
                availability = attribute((parameters[required].deprecationMessage ?? nil) ?? operation.deprecationMessage)
            }
            return MethodVariant(
                parameters: declared, availability: availability, isMain: method.requiredDeprecated == nil,
                throughImplementation: !overloads.isSingleMethod)
        }
    }

    /// The arguments a method passes to the implementation: its own parameters, `nil` for those it leaves out.
    private func arguments(of method: MethodVariant, all: [MethodParameter]) -> [String] {
        all.map { parameter in
            "\(parameter.name): \(method.parameters.contains { $0.name == parameter.name } ? parameter.label : "nil")"
        }
    }

    /// The `<method>Pages` and `<method>All` companions of a paginated operation, for one of its methods.
    private func paginationContext(
        _ operation: IROperation, method variant: MethodVariant, all: [MethodParameter]
    ) -> [String: Any]? {
        guard let pagination = operation.pagination, let (page, item) = operation.paginationHelperTypes else { return nil }
        let parameters = variant.parameters
        let method = operation.methodName
        let items = pagination.items.isOptional ? "\(pagination.items.swiftExpression) ?? []" : pagination.items.swiftExpression
        /// The variable of parameter `name` in this method; none for a deprecated parameter it leaves out.
        func variable(_ name: String) -> String? { parameters.first { $0.name == name }?.label }
        /// What pagination reads an input from: a parameter's variable, or a property of the body.
        func input(_ name: String) -> String? { pagination.inBody ? SwiftNaming.escaped(name) : variable(name) }
        func argument(_ parameter: MethodParameter, replacing: String?, with value: (String?) -> String) -> String {
            let own = variable(parameter.name)
            return "\(parameter.name): \(parameter.name == replacing ? value(own) : own ?? "nil")"
        }
        // Fetch statements sit at column 12 of the template (16 once the operation is indented).
        func call(replacing: String?, with value: @escaping (String?) -> String = { $0 ?? "nil" }, prefix: String = "") -> String {
            let arguments = (variant.throughImplementation ? all : parameters).map { argument($0, replacing: replacing, with: value) }
                + ["options: options"] + (variant.throughImplementation ? ["()"] : [])
            return wrappedCall(prefix + "try await self.\(SwiftNaming.escaped(method))", arguments, indent: 16)
        }
        func fallback(_ first: String) -> (String?) -> String { { $0.map { "\(first) ?? \($0)" } ?? first } }
        var fetch: [String] = []
        let strategy: String
        switch pagination.style {
        case .cursor:
            guard let cursor = pagination.cursorParameter, let next = pagination.nextCursor else { return nil }
            fetch = [call(replacing: cursor, with: fallback("pageRequest.cursor"))]
            strategy = ".cursor { $0\(next.swiftExpression) }"
        case .offset:
            guard let offset = pagination.offsetParameter else { return nil }
            let hasMore = pagination.hasMore.map { ", hasMore: { $0\($0.swiftExpression) }" } ?? ""
            let owner = pagination.inBody ? "body." : ""
            let limit = pagination.advancesByLimit ? pagination.limitParameter.flatMap(input).map { ", limit: \(owner)\($0)" } ?? "" : ""
            if pagination.inBody {
                fetch = ["var body = body", "body.\(SwiftNaming.escaped(offset)) = pageRequest.offset", call(replacing: nil, prefix: "return ")]
            } else {
                fetch = [call(replacing: offset, with: fallback("pageRequest.offset"))]
            }
            strategy = ".offset(start: \(input(offset).map { "\(owner)\($0) ?? 0" } ?? "0"), items: { $0\(items) }\(hasMore)\(limit))"
        case .page:
            guard let pageParameter = pagination.pageParameter else { return nil }
            fetch = [call(replacing: pageParameter, with: fallback("pageRequest.pageNumber"))]
            let total = pagination.total.map { ", total: { $0\($0.swiftExpression) }" } ?? ""
            let limit = pagination.limitParameter.flatMap(input).map { ", limit: \($0)" } ?? ""
            strategy = ".page(start: \(input(pageParameter).map { "\($0) ?? 1" } ?? "1"), items: { $0\(items) }\(total)\(limit))"
        }
        return [
            "access": access,
            "availability": variant.availability ?? false,
            "parameters": parameters.map(\.context),
            "operationName": swiftStringLiteral("\(callPath(operation)) (\(operation.httpMethod.rawValue.uppercased()) \(operation.pathKey))"),
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
    func callPath(_ operation: IROperation) -> String {
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
        /// Whether callers may leave the argument out because it is optional (it defaults to `nil` or `[]`).
        var isOptional = false
        /// `.some(message)` for a deprecated spec parameter, `nil` otherwise.
        var deprecationMessage: String?? = nil

        var context: [String: Any] {
            // `label variable` when the variable was renamed away from a body local.
            let declaration = SwiftNaming.escaped(name) == label ? label : "\(SwiftNaming.escaped(name)) \(label)"
            return ["label": declaration, "swiftType": swiftType, "defaultArgument": defaultArgument ?? false]
        }
    }

    /// The method's parameters in declaration order (``IROperation/methodSlots``).
    func orderedParameters(_ operation: IROperation, variables: [String: String] = [:]) -> [MethodParameter] {
        operation.methodSlots.flatMap { slot in
            switch slot {
            case .parameter(let parameter):
                [methodParameter(parameter, variable: variables[parameter.swiftName] ?? SwiftNaming.escaped(parameter.swiftName))]
            case .body:
                bodyParameters(operation)
            }
        }
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
            docs: parameter.deprecated ? deprecatedParameterDocs(parameter) : parameter.description,
            isOptional: !parameter.required,
            deprecationMessage: parameter.deprecated ? .some(parameter.deprecationMessage) : nil)
    }

    /// A deprecated parameter's description, with the deprecation message unless the description says it.
    private func deprecatedParameterDocs(_ parameter: IRParameter) -> String {
        let description = parameter.description.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        guard let message = parameter.deprecationMessage, !(description?.contains(message) ?? false) else {
            return [description, "Deprecated."].compactMap { $0 }.joined(separator: " ")
        }
        return [description, "Deprecated: \(message)"].compactMap { $0 }.joined(separator: " ")
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
    func canDefaultConstruct(_ type: IRTypeRef) -> Bool {
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

    func errorDecoder(_ operation: IROperation) -> String {
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
        lines.append("`\(operation.httpMethod.rawValue.uppercased()) \(commentLine(operation.pathKey))`")
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
    func wrappedCall(
        _ name: String, _ arguments: [String], indent: Int, startColumn: Int? = nil, suffix: String = ""
    ) -> String {
        let single = "\(name)(\(arguments.joined(separator: ", ")))\(suffix)"
        if (startColumn ?? indent) + single.count <= lineLimit { return single }
        let inner = String(repeating: " ", count: indent)
        let outer = String(repeating: " ", count: indent - 4)
        return "\(name)(\n" + arguments.map { inner + $0 }.joined(separator: ",\n") + "\n\(outer))\(suffix)"
    }
}
