import SpindleYAML

extension SpecLoader {
    /// Reads the OpenAPI document at `path`. Returns `nil` (with errors reported) when the file is
    /// not an OpenAPI 3.0/3.1 document.
    public func loadDocument(_ path: String) -> OpenAPIDocument? {
        guard let yaml = document(path) else { return nil }
        // Sized from the document rather than grown step by step: rehashing the cache as it grew was 7% of
        // loading Stripe's spec. A sixth of the nodes is an estimate of how many of them are schemas.
        reserveSchemaCapacity(yaml.nodeCount / 6)
        guard let root = yaml.root else {
            report(.error("the document is empty", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        guard root.kind == .mapping else {
            report(.error("an OpenAPI document must be a mapping at the top level", at: root.location))
            return nil
        }
        if let swaggerKey = root.keyNode(for: "swagger") {
            let swagger = root["swagger"]?.scalar ?? "2.0"
            report(.error("Swagger \(swagger) documents are not supported; convert the file to OpenAPI 3 first (for example with swagger2openapi)", at: swaggerKey.location))
            return nil
        }
        guard let versionNode = root["openapi"], let version = versionNode.scalar else {
            report(.error("missing 'openapi' version field; is this an OpenAPI document?", at: root.location))
            return nil
        }
        // 3.0.x or 3.1.x by version components, so a future 3.10 is not taken for 3.1.
        let versionParts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard versionParts.count >= 2, versionParts[0] == "3", ["0", "1"].contains(versionParts[1]) else {
            report(.error("OpenAPI version '\(version)' is not supported; expected 3.0.x or 3.1.x", at: versionNode.location))
            return nil
        }
        let info = reader.mapping(root["info"], "info")
        if info == nil { report(.error("missing 'info' object", at: root.location)) }
        for keyword in ["webhooks", "callbacks"] {
            if let key = root.keyNode(for: keyword) {
                report(.warning(.unsupportedKeyword, "'\(keyword)' are not supported yet; ignored", at: key.location))
            }
        }
        let components = reader.mapping(root["components"], "components")
        var schemas: [(name: String, schema: Schema)] = []
        if let schemasNode = reader.mapping(components?["schemas"], "components.schemas") {
            let base = JSONPointer(tokens: ["components", "schemas"])
            for (key, value) in schemasNode.entries {
                guard let name = reader.string(key, "schema name") else { continue }
                let pointer = base.appending(name)
                schemas.append((name, schema(value, origin: Reference(file: path, pointer: pointer, location: value.location))))
            }
        }
        var securitySchemes: [(name: String, scheme: SecurityScheme)] = []
        if let schemesNode = reader.mapping(components?["securitySchemes"], "components.securitySchemes") {
            for (key, value) in schemesNode.entries {
                guard let name = key.scalar,
                    let resolved = resolvedNode(value, in: path, pointer: JSONPointer(tokens: ["components", "securitySchemes", name])),
                    let scheme = securityScheme(resolved.node, reader: reader)
                else { continue }
                securitySchemes.append((name, scheme))
            }
        }
        return OpenAPIDocument(
            file: path,
            openAPIVersion: version,
            title: reader.string(info?["title"], "info.title") ?? "API",
            version: reader.string(info?["version"], "info.version") ?? "0.0.0",
            description: reader.string(info?["description"], "info.description"),
            servers: reader.sequence(root["servers"], "servers").compactMap { server($0, reader: reader) },
            security: securityRequirements(root["security"], reader: reader) ?? [],
            securitySchemes: securitySchemes,
            tags: reader.sequence(root["tags"], "tags").compactMap { tag in
                reader.string(tag["name"], "tags.name").map { Tag(name: $0, description: tag["description"]?.scalar) }
            },
            operations: operations(root, file: path, reader: reader),
            schemas: schemas
        )
    }

    /// Follows `$ref` on a non-schema object (parameter, response, ...) to the object itself,
    /// with the file and pointer it was found at (schemas inside are read relative to those).
    func resolvedNode(_ node: YAMLNode, in file: String, pointer: JSONPointer) -> (node: YAMLNode, file: String, pointer: JSONPointer)? {
        var current = (node: node, file: file, pointer: pointer)
        var seen: Set<Reference> = []
        while current.node.kind == .mapping, let refNode = current.node["$ref"], let text = refNode.scalar {
            guard let ref = reference(text, in: current.file, at: refNode.location) else { return nil }
            guard seen.insert(ref).inserted else {
                report(.error("reference cycle through '\(text)'", at: refNode.location))
                return nil
            }
            guard let target = self.node(at: ref) else { return nil }
            current = (target, ref.file, ref.pointer)
        }
        return current
    }

    private func server(_ node: YAMLNode, reader: NodeReader) -> Server? {
        guard let url = reader.string(node["url"], "servers.url") else { return nil }
        var variables: [Server.Variable] = []
        if let variablesNode = reader.mapping(node["variables"], "servers.variables") {
            for (key, value) in variablesNode.entries {
                guard let name = key.scalar else { continue }
                variables.append(
                    Server.Variable(
                        name: name,
                        defaultValue: reader.string(value["default"], "default") ?? "",
                        enumValues: reader.strings(value["enum"], "enum"),
                        description: value["description"]?.scalar))
            }
        }
        return Server(url: url, description: node["description"]?.scalar, variables: variables, location: node["url"]?.location)
    }

    func securityRequirements(_ node: YAMLNode?, reader: NodeReader) -> [SecurityRequirement]? {
        guard let node else { return nil }
        return reader.sequence(node, "security").map { requirement in
            SecurityRequirement(schemes: requirement.entries.compactMap { $0.key.scalar })
        }
    }

    private func securityScheme(_ node: YAMLNode, reader: NodeReader) -> SecurityScheme? {
        guard let type = reader.string(node["type"], "securitySchemes.type") else { return nil }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            guard let name = reader.string(node["name"], "name"),
                let place = reader.string(node["in"], "in"),
                let location = ParameterLocation(rawValue: place), location != .path
            else {
                report(.error("an apiKey security scheme needs 'name' and 'in' (header, query or cookie)", at: node.location))
                return nil
            }
            kind = .apiKey(name: name, location: location)
        case "http":
            kind = .http(scheme: (reader.string(node["scheme"], "scheme") ?? "bearer").lowercased(), bearerFormat: node["bearerFormat"]?.scalar)
        case "oauth2": kind = .oauth2
        case "openIdConnect": kind = .openIdConnect
        case "mutualTLS": kind = .mutualTLS
        default:
            report(.error("unknown security scheme type '\(type)'", at: node["type"]?.location ?? node.location))
            return nil
        }
        return SecurityScheme(kind: kind, description: node["description"]?.scalar, location: node.location)
    }
}
