import Foundation
import SpindleYAML

extension SpecLoader {
    /// Reads every operation under `paths`, in document order.
    func operations(_ root: YAMLNode, file: String, reader: NodeReader) -> [Operation] {
        guard let paths = reader.mapping(root["paths"], "paths") else { return [] }
        var result: [Operation] = []
        for (pathKey, pathValue) in paths.entries {
            guard var path = reader.string(pathKey, "path") else { continue }
            guard path.hasPrefix("/") else {
                report(.error("path '\(path)' must start with '/'", at: pathKey.location))
                continue
            }
            // A path template ends at `?`. What follows is either fixed query parameters (`/items/{id}?beta=true`,
            // which tell apart operations on one path and are sent by them) or templated ones
            // (`/uploads?convert={convert}`, ClickSend) that the operations declare 'in: query' anyway.
            let pathPointer = JSONPointer(tokens: ["paths", path])
            var fixedQuery: [FixedQueryItem] = []
            if let query = path.firstIndex(of: "?") {
                let items = Self.queryItems(path[path.index(after: query)...])
                fixedQuery = items.fixed
                if items.hasTemplates {
                    report(.warning(
                        .pathQueryString,
                        "path '\(path)' has a query string; it is left out of the path (declare its parameters 'in: query')",
                        at: pathKey.location))
                }
                path = String(path[..<query])
            }
            guard let item = resolvedNode(pathValue, in: file, pointer: pathPointer),
                item.node.kind == .mapping
            else { continue }
            let shared = parameters(item.node["parameters"], file: item.file, pointer: item.pointer.appending("parameters"), reader: reader)
            for (methodKey, operationNode) in item.node.entries {
                guard let name = methodKey.scalar, let method = HTTPMethod(rawValue: name) else {
                    if let name = methodKey.scalar, !Self.pathItemFields.contains(name), !name.hasPrefix("x-") {
                        report(.warning(
                            .unsupportedKeyword,
                            "'\(name)' under '\(path)' is not an HTTP method OpenAPI knows (\(HTTPMethod.allCases.map(\.rawValue).joined(separator: ", "))); no operation is generated for it",
                            at: methodKey.location))
                    }
                    continue
                }
                // OpenAPI allows `$ref` on path items, not on operations, but split specs (DigitalOcean's:
                // `get: {$ref: resources/droplets/droplets_list.yml}`) write it there and bundlers follow it.
                guard let resolved = resolvedNode(operationNode, in: item.file, pointer: item.pointer.appending(name))
                else { continue }
                guard resolved.node.kind == .mapping else {
                    report(.error("operation '\(name) \(path)' must be a mapping", at: operationNode.location))
                    continue
                }
                var operation = operation(
                    resolved.node, path: path, method: method, shared: shared, file: resolved.file,
                    fragment: file, pointer: resolved.pointer, reader: reader)
                operation.fixedQuery = fixedQuery
                result.append(operation)
            }
        }
        return result
    }

    /// The fields of a Path Item Object other than its operations.
    static let pathItemFields: Set<String> = ["$ref", "summary", "description", "servers", "parameters"]

    /// The items of a path key's query string: those with a value fixed, and whether any is templated
    /// (`convert={convert}`), which names a parameter the operation declares instead.
    static func queryItems(_ query: Substring) -> (fixed: [FixedQueryItem], hasTemplates: Bool) {
        var fixed: [FixedQueryItem] = []
        var hasTemplates = false
        for item in query.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let value = parts.count > 1 ? parts[1] : ""
            if value.hasPrefix("{") && value.hasSuffix("}") || parts[0].contains("{") {
                hasTemplates = true
                continue
            }
            let decoded = { (text: String) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text }
            fixed.append(FixedQueryItem(name: decoded(parts[0]), value: decoded(value)))
        }
        return (fixed, hasTemplates)
    }

    private func operation(
        _ node: YAMLNode, path: String, method: HTTPMethod, shared: [Parameter], file: String,
        fragment: String, pointer: JSONPointer, reader: NodeReader
    ) -> Operation {
        // Operation-level parameters replace path-level ones with the same name and location.
        var parameters = shared
        for parameter in self.parameters(node["parameters"], file: file, pointer: pointer.appending("parameters"), reader: reader) {
            if let index = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                parameters[index] = parameter
            } else {
                parameters.append(parameter)
            }
        }
        for placeholder in pathPlaceholders(path) where !parameters.contains(where: { $0.location == .path && $0.name == placeholder }) {
            report(.error("path parameter '\(placeholder)' of '\(path)' is not declared by '\(method.rawValue)'", at: node.location))
        }
        if let key = node.keyNode(for: "callbacks") {
            report(.warning(.unsupportedKeyword, "'callbacks' are not supported yet; ignored", at: key.location))
        }
        var requestBody: RequestBody?
        if let bodyNode = node["requestBody"],
            let resolved = resolvedNode(bodyNode, in: file, pointer: pointer.appending("requestBody"))
        {
            requestBody = RequestBody(
                description: reader.string(resolved.node["description"], "description"),
                required: reader.bool(resolved.node["required"], "required") ?? false,
                content: content(resolved.node["content"], file: resolved.file, pointer: resolved.pointer.appending("content"), reader: reader),
                location: resolved.node.location)
        }
        var responses: [Response] = []
        if let responsesNode = reader.mapping(node["responses"], "responses") {
            for (statusKey, value) in responsesNode.entries {
                guard let status = statusKey.scalar else { continue }
                guard status == "default" || isStatusPattern(status) else {
                    report(.error("'\(status)' is not an HTTP status code, a range like '4XX', or 'default'", at: statusKey.location))
                    continue
                }
                guard let resolved = resolvedNode(value, in: file, pointer: pointer.appending("responses").appending(status)) else { continue }
                responses.append(response(resolved.node, status: status.uppercased() == "DEFAULT" ? "default" : status.uppercased(), file: resolved.file, pointer: resolved.pointer, reader: reader))
            }
        } else {
            report(.warning(.noResponses, "operation '\(method.rawValue) \(path)' declares no responses", at: node.location))
        }
        return Operation(
            path: path, method: method,
            operationId: reader.string(node["operationId"], "operationId"),
            summary: reader.string(node["summary"], "summary"),
            description: reader.string(node["description"], "description"),
            tags: reader.strings(node["tags"], "tags"),
            deprecated: reader.bool(node["deprecated"], "deprecated") ?? false,
            parameters: parameters, requestBody: requestBody, responses: responses,
            security: securityRequirements(node["security"], reader: reader),
            extensions: node.extensions, location: node.location, file: fragment)
    }

    private func parameters(_ node: YAMLNode?, file: String, pointer: JSONPointer, reader: NodeReader) -> [Parameter] {
        reader.sequence(node, "parameters").enumerated().compactMap { index, element in
            guard let resolved = resolvedNode(element, in: file, pointer: pointer.appending(String(index))) else { return nil }
            return parameter(resolved.node, file: resolved.file, pointer: resolved.pointer, reader: reader)
        }
    }

    private func parameter(_ node: YAMLNode, file: String, pointer: JSONPointer, reader: NodeReader) -> Parameter? {
        guard let name = reader.string(node["name"], "parameter name") else {
            report(.error("parameter has no 'name'", at: node.location))
            return nil
        }
        guard let place = reader.string(node["in"], "in") else {
            report(.error("parameter '\(name)' has no 'in'", at: node.location))
            return nil
        }
        guard let location = ParameterLocation(rawValue: place) else {
            report(.error("parameter '\(name)' has unknown location '\(place)'; expected path, query, header or cookie", at: node["in"]?.location ?? node.location))
            return nil
        }
        var style: ParameterStyle?
        if let styleNode = node["style"], let text = reader.string(styleNode, "style") {
            style = ParameterStyle(rawValue: text)
            if style == nil { report(.error("unknown parameter style '\(text)'", at: styleNode.location)) }
        }
        var schema = node["schema"].map { self.schema($0, origin: Reference(file: file, pointer: pointer.appending("schema"), location: $0.location)) }
        // A parameter may describe its value through `content` instead of `schema`.
        if schema == nil, let first = content(node["content"], file: file, pointer: pointer.appending("content"), reader: reader).first {
            schema = first.schema
        }
        let required = reader.bool(node["required"], "required") ?? false
        if location == .path && !required {
            report(.warning(.pathParameterRequired, "path parameter '\(name)' must be required; treated as required", at: node.location))
        }
        return Parameter(
            name: name, location: location, required: required || location == .path,
            description: reader.string(node["description"], "description"),
            deprecated: reader.bool(node["deprecated"], "deprecated") ?? false,
            schema: schema, style: style, explode: reader.bool(node["explode"], "explode"),
            sourceLocation: node.location, extensions: node.extensions)
    }

    private func response(_ node: YAMLNode, status: String, file: String, pointer: JSONPointer, reader: NodeReader) -> Response {
        Response(
            status: status, description: reader.string(node["description"], "description"),
            content: content(node["content"], file: file, pointer: pointer.appending("content"), reader: reader),
            headers: headers(node, file: file, pointer: pointer, reader: reader), location: node.location)
    }

    /// The `headers` of a response or an encoding object, in document order.
    private func headers(_ node: YAMLNode, file: String, pointer: JSONPointer, reader: NodeReader) -> [(name: String, header: Header)] {
        var headers: [(name: String, header: Header)] = []
        if let headersNode = reader.mapping(node["headers"], "headers") {
            for (key, value) in headersNode.entries {
                guard let name = key.scalar,
                    let resolved = resolvedNode(value, in: file, pointer: pointer.appending("headers").appending(name))
                else { continue }
                let schema = resolved.node["schema"].map {
                    self.schema($0, origin: Reference(file: resolved.file, pointer: resolved.pointer.appending("schema"), location: $0.location))
                }
                headers.append((name, Header(description: resolved.node["description"]?.scalar, required: resolved.node["required"]?.bool ?? false, schema: schema)))
            }
        }
        return headers
    }

    /// The `encoding` map of a media type object, in document order.
    private func encoding(_ node: YAMLNode?, file: String, pointer: JSONPointer, reader: NodeReader) -> [(name: String, encoding: Encoding)] {
        guard let node = reader.mapping(node, "encoding") else { return [] }
        return node.entries.compactMap { key, value in
            guard let name = key.scalar, value.kind == .mapping else { return nil }
            let encodingPointer = pointer.appending(name)
            return (name, Encoding(
                contentType: reader.string(value["contentType"], "contentType"),
                headers: headers(value, file: file, pointer: encodingPointer, reader: reader), location: value.location))
        }
    }

    private func content(_ node: YAMLNode?, file: String, pointer: JSONPointer, reader: NodeReader) -> [MediaType] {
        guard let node = reader.mapping(node, "content") else { return [] }
        return node.entries.compactMap { key, value in
            guard let contentType = key.scalar else { return nil }
            // Kept as written (a body of an unknown type is bytes): the warning points at what is likely a
            // misplaced key (Plaid's `content: {examples: …}`) or a shorthand (`PDF`, `*`).
            if !isMediaType(contentType) {
                report(.warning(
                    .invalidMediaType, "content key '\(contentType)' is not a media type (type/subtype)", at: key.location))
            }
            let mediaPointer = pointer.appending(contentType)
            let schema = value["schema"].map {
                self.schema($0, origin: Reference(file: file, pointer: mediaPointer.appending("schema"), location: $0.location))
            }
            var examples: [(name: String, value: Literal)] = []
            if let example = value["example"] { examples.append(("example", Literal(node: example))) }
            if let examplesNode = reader.mapping(value["examples"], "examples") {
                for (nameNode, exampleNode) in examplesNode.entries {
                    guard let name = nameNode.scalar,
                        let resolved = resolvedNode(exampleNode, in: file, pointer: mediaPointer.appending("examples").appending(name)),
                        let example = resolved.node["value"]
                    else { continue }
                    examples.append((name, Literal(node: example)))
                }
            }
            let itemSchema = value["itemSchema"].map {
                self.schema($0, origin: Reference(file: file, pointer: mediaPointer.appending("itemSchema"), location: $0.location))
            }
            return MediaType(
                contentType: contentType, schema: schema, examples: examples, location: value.location, itemSchema: itemSchema,
                encoding: encoding(value["encoding"], file: file, pointer: mediaPointer.appending("encoding"), reader: reader),
                keyLocation: key.location)
        }
    }
}

/// Whether `text` is a media type or range as `content` keys are written: `type/subtype`, either part may be
/// `*`, optionally followed by `;` parameters (RFC 9110, 8.3.1).
func isMediaType(_ text: String) -> Bool {
    let essence = Array(text.utf8.prefix { $0 != UInt8(ascii: ";") })
    let start = essence.firstIndex { $0 != UInt8(ascii: " ") } ?? essence.endIndex
    let end = essence.lastIndex { $0 != UInt8(ascii: " ") }.map { $0 + 1 } ?? start
    let parts = essence[start..<end].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isTokenByte) }
}

/// RFC 9110's `tchar`: the bytes of a media type's type and subtype.
private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        true
    default:
        "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

/// The `{name}` placeholders of a path template, in order.
public func pathPlaceholders(_ path: String) -> [String] {
    var names: [String] = []
    var current: String?
    for character in path {
        if character == "{" {
            current = ""
        } else if character == "}", let name = current {
            names.append(name)
            current = nil
        } else if current != nil {
            current!.append(character)
        }
    }
    return names
}

private func isStatusPattern(_ text: String) -> Bool {
    let characters = Array(text.uppercased())
    guard characters.count == 3, ("1"..."5").contains(characters[0]) else { return false }
    return characters.dropFirst().allSatisfy { $0.isNumber } || characters.dropFirst().allSatisfy { $0 == "X" }
}
