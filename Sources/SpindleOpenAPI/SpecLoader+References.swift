extension SpecLoader {
    /// Follows every `$ref` reachable from the API's schemas (components, parameters, bodies,
    /// responses and headers, and the files they lead to), so that dangling references,
    /// unreadable files and cycles made only of references are reported while loading rather
    /// than when (or whether) a later stage happens to resolve them.
    func checkReferences(in api: APIDescription) {
        var queue: [Schema] = api.schemas.map(\.schema)
        for operation in api.operations {
            queue += operation.parameters.compactMap(\.schema)
            queue += (operation.requestBody?.content ?? []).compactMap(\.schema)
            for response in operation.responses {
                queue += response.content.compactMap(\.schema)
                queue += response.headers.compactMap(\.header.schema)
            }
        }
        // The loader keeps one `Schema` per target, so object identity is target identity (and cheaper
        // to hash than the target text).
        var seen: Set<ObjectIdentifier> = []
        var next = 0
        while next < queue.count {
            let schema = queue[next]
            next += 1
            guard seen.insert(ObjectIdentifier(schema)).inserted else { continue }
            if schema.ref != nil, let target = resolve(schema) { queue.append(target) }
            // Appended one by one: building the lists first made an array per schema.
            for property in schema.properties { queue.append(property.schema) }
            if let items = schema.items { queue.append(items) }
            if case .schema(let values) = schema.additionalProperties { queue.append(values) }
            queue.append(contentsOf: schema.allOf)
            queue.append(contentsOf: schema.oneOf)
            queue.append(contentsOf: schema.anyOf)
            for entry in schema.discriminator?.mapping ?? [] {
                if let target = self.schema(at: entry.ref) { queue.append(target) }
            }
        }
    }
}
