import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The pagination of an operation, declared in config or with `x-spindle-pagination`, checked
    /// against the operation's parameters and response type.
    func pagination(for operation: Operation, built: IROperation) -> IRPagination? {
        var declaration = operation.operationId.flatMap { config.pagination[$0] }
        if declaration == nil, let node = operation.extensions["x-spindle-pagination"] {
            declaration = PaginationDeclaration.read(node, report: report)
        }
        guard let declaration else { return nil }
        guard let page = built.successResponse?.type else {
            report(.error("paginated operation has no 2xx response body", at: declaration.location))
            return nil
        }
        func path(_ dotted: String?) -> IRAccessPath? {
            guard let dotted else { return nil }
            guard let access = accessPath(dotted, from: page) else {
                report(.error("pagination path '\(dotted)' does not exist in the response of '\(built.operationId ?? built.path)'", at: declaration.location))
                return nil
            }
            return access
        }
        func input(_ name: String?) -> String? {
            guard let name else { return nil }
            if declaration.inBody {
                guard case .named(let bodyPath)? = built.requestBody?.type,
                    case .object(let object)? = types[bodyPath.joined(separator: ".")]?.kind,
                    let property = object.properties.first(where: { $0.jsonName == name })
                else {
                    report(.error("pagination body property '\(name)' is not in the request body of '\(built.operationId ?? built.path)'", at: declaration.location))
                    return nil
                }
                // Generated code assigns it: the storage, when the property is deprecated.
                return property.storedName
            }
            guard let parameter = built.parameters.first(where: { $0.name == name }) else {
                report(.error("pagination parameter '\(name)' is not a parameter of '\(built.operationId ?? built.path)'", at: declaration.location))
                return nil
            }
            return parameter.swiftName
        }
        guard let items = path(declaration.items) else { return nil }
        guard case .array = items.type else {
            report(.error("pagination items '\(declaration.items)' is not an array", at: declaration.location))
            return nil
        }
        var result = IRPagination(style: IRPagination.Style(rawValue: declaration.style) ?? .cursor, items: items, inBody: declaration.inBody)
        switch result.style {
        case .cursor:
            result.cursorParameter = input(declaration.cursor)
            result.nextCursor = path(declaration.next)
            guard result.cursorParameter != nil, result.nextCursor != nil else { return nil }
        case .offset:
            result.offsetParameter = input(declaration.offset)
            result.limitParameter = input(declaration.limit)
            result.hasMore = path(declaration.hasMore)
            result.advancesByLimit = declaration.advancesByLimit
            guard result.offsetParameter != nil else { return nil }
        case .page:
            result.pageParameter = input(declaration.page)
            result.limitParameter = input(declaration.limit)
            result.total = path(declaration.total)
            guard result.pageParameter != nil else { return nil }
        }
        return result
    }

    /// Follows a dotted JSON path through generated object types.
    func accessPath(_ dotted: String, from root: IRTypeRef) -> IRAccessPath? {
        var steps: [IRAccessPath.Step] = []
        var current = root
        for key in dotted.split(separator: ".").map(String.init) {
            guard case .named(let path) = current,
                case .object(let object)? = types[path.joined(separator: ".")]?.kind,
                let property = object.properties.first(where: { $0.jsonName == key })
            else { return nil }
            // Generated code reads it: the storage, when the property is deprecated.
            steps.append(.init(
                swiftName: property.storedName, isOptional: property.presence != .required,
                isOptionalValue: property.presence == .optionalNullable))
            current = property.type
        }
        return IRAccessPath(steps: steps, type: current)
    }
}
