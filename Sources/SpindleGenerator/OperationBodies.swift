import SpindleIR
import SpindleOpenAPI

/// How an operation's method takes its request body and returns its response body, by body kind: JSON and
/// forms as values, bytes as `HTTPBody`, multipart forms as their parts (flattened into the method's
/// arguments when the body is required), streams as `ResponseStream`s.
extension OperationContextBuilder {
    /// A required multipart body with a generated form: each part is an argument of the method.
    struct FormArgument {
        var part: IRFormPart
        /// The argument label (unescaped).
        var label: String
        /// The variable (escaped).
        var variable: String
    }

    /// The form type and its parts as arguments, for a required multipart body with a generated form.
    func flattenedForm(_ operation: IROperation) -> (type: String, arguments: [FormArgument])? {
        guard let body = operation.requestBody, let form = operation.flattenedForm(formType) else { return nil }
        // Labels must differ from the other arguments', variables from every local and parameter variable.
        let labels = operation.formArgumentLabels(form)
        let locals = Self.bodyLocals + parameterVariables(operation).values.map { $0.replacingOccurrences(of: "`", with: "") }
        let variables = SwiftNaming.uniqued(locals + labels.map { Self.bodyLocals.contains($0) ? $0 + "Value" : $0 }).dropFirst(locals.count)
        let arguments = zip(form.parts, zip(labels, variables)).map { part, names in
            FormArgument(part: part, label: names.0, variable: SwiftNaming.escaped(names.1))
        }
        return (spelling.spell(body.type), arguments)
    }

    /// The generated form type at `path`, if that is one.
    func formType(_ path: [String]) -> IRMultipartForm? {
        guard case .multipartForm(let form)? = spelling.lookup(path)?.kind else { return nil }
        return form
    }

    /// The method parameters that take the request body.
    func bodyParameters(_ operation: IROperation) -> [MethodParameter] {
        guard let body = operation.requestBody else { return [] }
        if let (_, arguments) = flattenedForm(operation) {
            return arguments.map { argument in
                let part = argument.part
                return MethodParameter(
                    name: argument.label, label: argument.variable, swiftType: part.argumentType { spelling.spell($0) },
                    defaultArgument: part.required ? nil : part.isRepeated ? "[]" : "nil",
                    docs: part.description ?? "Part `\(part.name)` of the form.", isOptional: !part.required)
            }
        }
        let type = body.argumentType { spelling.spell($0) }
        let defaultable = ![.binary, .multipart].contains(body.kind) && canDefaultConstruct(body.type)
        return [
            MethodParameter(
                name: "body", label: "body", swiftType: body.required ? type : type + "?",
                defaultArgument: body.required ? (defaultable ? ".init()" : nil) : "nil",
                docs: body.description ?? "The request body.", isOptional: !body.required),
        ]
    }

    /// The statements that put the request body into `request`.
    func bodyStatements(_ body: IRRequestBody, operation: IROperation) -> [String] {
        let contentType = swiftStringLiteral(body.contentType)
        switch body.kind {
        case .form:
            return ["request.setFormBody(body)"]
        case .binary:
            return ["request.setBody(body, contentType: \(contentType))"]
        case .multipart:
            if let (type, arguments) = flattenedForm(operation) {
                // The form's initializer takes the parts' own names; the method's labels may differ from them.
                let call = wrappedCall("let body = \(type)", arguments.map { "\($0.part.swiftName): \($0.variable)" }, indent: 8)
                return [call, "request.setMultipartBody(body.form.parts)"]
            }
            return ["request.setMultipartBody(body\(body.required ? "" : "?").form.parts)"]
        default:
            // A `+json` type is sent as written; `application/json`, a wildcard or an unreadable key as JSON.
            let name = MediaTypeName(body.contentType)
            let isOwnType = name.map { $0.isJSON && $0.description != "application/json" } ?? false
            return [isOwnType ? "request.setJSONBody(body, contentType: \(contentType))" : "request.setJSONBody(body)"]
        }
    }

    /// What the method returns, spelled; `nil` for nothing.
    func returnType(_ operation: IROperation) -> String? {
        operation.returnType(errorBody: errorBodyName) { spelling.spell($0) }
    }

    /// The media types a success response that is not JSON is asked for with, as `Accept`.
    func acceptStatement(_ operation: IROperation) -> String? {
        guard let success = operation.successResponse, success.kind != .json else { return nil }
        let types = success.mediaTypes.filter { MediaTypeName($0) != nil }
        guard !types.isEmpty else { return nil }
        return "request.setHeader(\"Accept\", \(swiftStringLiteral(types.joined(separator: ", "))))"
    }

    /// The call that sends the request, after `return try await ` (or `try await `), wrapped to the line limit.
    func sendCall(_ operation: IROperation, returns: Bool) -> String {
        let errors = "errors: \(errorDecoder(operation))"
        let success = operation.successResponse
        let item = success?.type.map { spelling.spell($0) + ".self" }
        let (callee, arguments, suffix): (String, [String], String) =
            switch success?.kind ?? .json {
            case .json, .form: ("client.send", [], "")
            case .binary: ("client.sendStreaming", [], ".body")
            case .multipart: ("client.sendMultipart", [], "")
            case .serverSentEvents: ("client.sendServerSentEvents", item.map { ["data: \($0)"] } ?? [], "")
            case .jsonLines: ("client.sendJSONLines", ["of: \(item ?? "JSONValue.self")"], "")
            case .jsonSequence: ("client.sendJSONSequence", ["of: \(item ?? "JSONValue.self")"], "")
            }
        if callee == "client.send" { return "client.send(request, options: options, \(errors))" }
        let prefix = returns ? "return try await " : "try await "
        let call = wrappedCall(prefix + callee, ["request"] + arguments + ["options: options", errors], indent: 8, suffix: suffix)
        return String(call.dropFirst(prefix.count))
    }
}
