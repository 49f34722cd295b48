import Foundation
import SpindleYAML

extension SpecLoader {
    /// Loads every OpenAPI document in `folder` (files ending in .yaml, .yml or .json whose top level
    /// has `openapi` or `swagger`, except the vendor config `spindle.yaml`) and merges them.
    public func loadFolder(_ folder: String) -> APIDescription? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.filter { name in
            name != "spindle.yaml" && [".yaml", ".yml", ".json"].contains(where: name.hasSuffix)
        }.sorted().map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
        var readable: [String] = []
        for file in files {
            // A symbolic link in the folder is read only where a reference could read its target.
            if let problem = scopeProblem(file) {
                report(.error("this file is not read: it \(problem); \(ReferenceScope.optOut)", at: SourceLocation(file: file, line: 1, column: 1)))
            } else {
                readable.append(file)
            }
        }
        let roots = readable.filter { file in
            guard let root = document(file)?.root, root.kind == .mapping else { return false }
            return root["openapi"] != nil || root["swagger"] != nil
        }
        guard !roots.isEmpty else {
            if files.isEmpty {
                report(.error("no OpenAPI document in '\(folder)': it has no .yaml, .yml or .json file", at: nil))
            } else {
                reportNoDocument(in: folder, files: readable)
            }
            return nil
        }
        return loadAPI(fragments: roots)
    }

    /// Says, at each file of a folder that has no OpenAPI document, why that file is not one.
    private func reportNoDocument(in folder: String, files: [String]) {
        let problem = "no OpenAPI document in '\(folder)'"
        for file in files {
            // A file that did not parse has reported why already.
            guard let document = document(file) else { continue }
            guard let root = document.root else {
                report(.error("\(problem): this file is empty", at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            switch root.kind {
            case .mapping: report(.error("\(problem): this file has no 'openapi' version field", at: root.location))
            case .sequence: report(.error("\(problem): this file holds a list, not a mapping with an 'openapi' field", at: root.location))
            case .scalar: report(.error("\(problem): this file holds a single value, not a mapping with an 'openapi' field", at: root.location))
            }
        }
    }

    /// Loads the documents at `fragments` and merges them into one API.
    ///
    /// Identical schemas under one name merge silently; different ones are an error naming both
    /// places. A path and method defined differently by two fragments is an error.
    public func loadAPI(fragments: [String]) -> APIDescription? {
        let documents = fragments.sorted().compactMap(loadDocument)
        guard documents.count == fragments.count, let first = documents.first else { return nil }

        let newest = documents.dropFirst().reduce(first) { versionIsLower($0.version, than: $1.version) ? $1 : $0 }
        var api = APIDescription(
            title: newest.title, version: newest.version, description: newest.description,
            openAPIVersion: newest.openAPIVersion, servers: newest.servers, security: newest.security,
            securitySchemes: [], tags: [], operations: [], schemas: [], fragments: documents.map(\.file))

        var schemasByName: [String: Schema] = [:]
        var schemeNames: Set<String> = []
        var tagNames: Set<String> = []
        var operationsByKey: [String: Operation] = [:]
        for document in documents {
            for (name, schema) in document.schemas {
                if let existing = schemasByName[name] {
                    if !existing.node.isStructurallyEqual(to: schema.node) {
                        report(.error("schema '\(name)' is defined differently here and at \(existing.location)", at: schema.location))
                    }
                } else {
                    schemasByName[name] = schema
                }
            }
            for (name, scheme) in document.securitySchemes where schemeNames.insert(name).inserted {
                api.securitySchemes.append((name, scheme))
            }
            for tag in document.tags where tagNames.insert(tag.name).inserted {
                api.tags.append(tag)
            }
            for operation in document.operations {
                let key = "\(operation.method.rawValue) \(operation.pathKey)"
                if let existing = operationsByKey[key] {
                    let sameDefinition = operationNode(existing).flatMap { old in
                        operationNode(operation).map { old.isStructurallyEqual(to: $0) }
                    }
                    if sameDefinition != true {
                        report(.error("operation '\(operation.method.rawValue.uppercased()) \(operation.pathKey)' is also defined at \(existing.location)", at: operation.location))
                    }
                } else {
                    operationsByKey[key] = operation
                }
            }
        }
        api.schemas = schemasByName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // Sorted by index: moving the operations themselves (large structs) cost more than comparing them.
        let operations = Array(operationsByKey.values)
        api.operations = operations.indices.sorted {
            (operations[$0].pathKey, operations[$0].method) < (operations[$1].pathKey, operations[$1].method)
        }.map { operations[$0] }
        checkReferences()
        return api
    }

    private func operationNode(_ operation: Operation) -> YAMLNode? {
        // The path item may be a `$ref` (to a file the fragments share).
        guard let item = document(operation.file)?.root?["paths"]?[operation.path],
            let resolved = resolvedNode(item, in: operation.file, pointer: JSONPointer(tokens: ["paths", operation.path]))
        else { return nil }
        return resolved.node[operation.method.rawValue]
    }
}
