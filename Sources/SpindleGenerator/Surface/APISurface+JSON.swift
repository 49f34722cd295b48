extension APISurface {
    /// Deterministic JSON: sorted keys, one member per line, for readable diffs. The layout is what
    /// `JSONEncoder` writes on Linux with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`; keys are
    /// in `String` order on every platform, so a surface written on a Mac is the one written on Linux.
    public func json() -> String {
        var json = PrettyJSONWriter()
        json.object { json in
            if let client {
                json.member("client") { json in
                    json.object { json in
                        json.member("initializer") { $0.string(client.initializer) }
                        json.member("name") { $0.string(client.name) }
                    }
                }
            }
            if let errorBody {
                json.member("errorBody") { json in
                    json.object { json in
                        json.member("cases") { $0.object(errorBody.cases) { $0.string($1) } }
                        json.member("name") { $0.string(errorBody.name) }
                    }
                }
            }
            if let format { json.member("format") { $0.literal(format) } }
            json.member("module") { $0.string(module) }
            json.member("names") { json in
                json.object { json in
                    json.member("operations") { $0.object(names.operations) { $0.string($1) } }
                    json.member("types") { $0.object(names.types) { $0.array($1) } }
                }
            }
            json.member("operations") { $0.object(operations) { json, operation in Self.write(operation, to: &json) } }
            json.member("types") { $0.object(types) { json, type in Self.write(type, to: &json) } }
            json.member("version") { $0.string(version) }
        }
        return json.text + "\n"
    }

    private static func write(_ operation: OperationSurface, to json: inout PrettyJSONWriter) {
        json.object { json in
            if let deprecated = operation.deprecated { json.member("deprecated") { $0.string(deprecated) } }
            if let parameters = operation.deprecatedParameters {
                json.member("deprecatedParameters") { $0.object(parameters) { $0.string($1) } }
            }
            json.member("method") { $0.string(operation.method) }
            if let pagination = operation.pagination {
                json.member("pagination") { json in
                    json.object { json in
                        json.member("item") { $0.string(pagination.item) }
                        json.member("page") { $0.string(pagination.page) }
                    }
                }
            }
            json.member("parameters") { $0.object(operation.parameters) { $0.string($1) } }
            json.member("path") { $0.string(operation.path) }
            json.member("returns") { $0.string(operation.returns) }
            if let signature = operation.signature { json.member("signature") { $0.string(signature) } }
        }
    }

    private static func write(_ type: TypeSurface, to json: inout PrettyJSONWriter) {
        json.object { json in
            if let cases = type.cases { json.member("cases") { $0.object(cases) { $0.string($1) } } }
            if let declaredAs = type.declaredAs { json.member("declaredAs") { $0.string(declaredAs) } }
            if let deprecated = type.deprecated { json.member("deprecated") { $0.string(deprecated) } }
            if let properties = type.deprecatedProperties {
                json.member("deprecatedProperties") { $0.object(properties) { $0.string($1) } }
            }
            if let initializer = type.initializer { json.member("initializer") { $0.string(initializer) } }
            json.member("kind") { $0.string(type.kind) }
            if let properties = type.properties {
                json.member("properties") { $0.object(properties) { $0.string($1) } }
            }
            if let renamed = type.renamed { json.member("renamed") { $0.literal(renamed) } }
            if let target = type.target { json.member("target") { $0.string(target) } }
            if let values = type.values { json.member("values") { $0.array(values) } }
        }
    }
}
