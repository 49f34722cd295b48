import SpindleIR
import SpindleOpenAPI

/// One parameter of a generated operation method: a spec parameter or the request body.
enum MethodSlot {
    case parameter(IRParameter)
    case body(IRRequestBody)

    /// The argument label, unescaped (labels may be keywords).
    var label: String {
        switch self {
        case .parameter(let parameter): parameter.swiftName
        case .body: "body"
        }
    }

    /// Whether callers may leave the argument out because it is optional (it defaults to `nil`).
    var isOptional: Bool {
        switch self {
        case .parameter(let parameter): !parameter.required
        case .body(let body): !body.required
        }
    }

    var deprecationMessage: String?? {
        guard case .parameter(let parameter) = self, parameter.deprecated else { return nil }
        return .some(parameter.deprecationMessage)
    }
}

extension IROperation {
    /// The method's parameters in declaration order: path parameters in path order, then the other
    /// required ones, the body, and the optional ones (`options` always comes last).
    var methodSlots: [MethodSlot] {
        let placeholders = pathPlaceholders(path)
        let pathParameters = parameters.filter { $0.location == .path }
            .sorted { (placeholders.firstIndex(of: $0.name) ?? 0) < (placeholders.firstIndex(of: $1.name) ?? 0) }
        let others = parameters.filter { $0.location != .path }
        return (pathParameters + others.filter(\.required)).map(MethodSlot.parameter)
            + (requestBody.map { [MethodSlot.body($0)] } ?? [])
            + others.filter { !$0.required }.map(MethodSlot.parameter)
    }

    /// The form of a required multipart body whose type is a generated form, which the method takes as one
    /// argument per part; `form(path)` finds a form type by its path.
    func flattenedForm(_ form: ([String]) -> IRMultipartForm?) -> IRMultipartForm? {
        guard let body = requestBody, body.kind == .multipart, body.required, case .named(let path) = body.type else { return nil }
        return form(path)
    }

    /// The argument labels of a flattened form's parts: the parts' names, made unique against the operation's
    /// parameters and `options`.
    func formArgumentLabels(_ form: IRMultipartForm) -> [String] {
        let taken = ["options"] + parameters.map(\.swiftName)
        return Array(SwiftNaming.uniqued(taken + form.parts.map(\.swiftName)).dropFirst(taken.count))
    }

    /// What the operation's method returns, by the success response's body kind, with `spell` spelling IR
    /// types; `nil` for nothing. The emitter and the API surface both spell it this way.
    func returnType(errorBody: String, _ spell: (IRTypeRef) -> String) -> String? {
        guard let success = successResponse else { return nil }
        let item = success.type.map(spell)
        switch success.kind {
        case .json, .form: return item
        case .binary: return "HTTPBody"
        case .multipart: return item ?? "MultipartForm"
        case .serverSentEvents: return "ResponseStream<ServerSentEvent<\(item ?? "String")>, \(errorBody)>"
        case .jsonLines, .jsonSequence: return "ResponseStream<\(item ?? "JSONValue"), \(errorBody)>"
        }
    }

    /// The page and item types of the `<method>Pages` and `<method>All` companions, when the operation
    /// has them: its pagination is declared and usable (items are an array, a cursor is a string).
    var paginationHelperTypes: (page: IRTypeRef, item: IRTypeRef)? {
        guard let pagination, let page = successResponse?.type, case .array(let item) = pagination.items.type else { return nil }
        switch pagination.style {
        case .cursor:
            guard pagination.cursorParameter != nil, pagination.nextCursor?.type == .string else { return nil }
        case .offset:
            guard pagination.offsetParameter != nil else { return nil }
        case .page:
            guard pagination.pageParameter != nil, !pagination.inBody else { return nil }
        }
        return (page, item)
    }
}

extension IRRequestBody {
    /// The Swift type of the argument that takes the body (when its form is not flattened), by body kind.
    func argumentType(_ spell: (IRTypeRef) -> String) -> String {
        switch kind {
        case .binary: "HTTPBody"
        case .multipart where type == .data: "MultipartForm"
        default: spell(type)
        }
    }
}

extension IRFormPart {
    /// The Swift type of the part as a form property and a flattened argument: files are `MultipartFile`s,
    /// repeated parts arrays, optional ones optionals.
    func argumentType(_ spell: (IRTypeRef) -> String) -> String {
        let element = kind == .file ? "MultipartFile" : spell(type)
        return isRepeated ? "[\(element)]" : required ? element : element + "?"
    }
}
