import SpindleOpenAPI

/// Decides which schemas may take their `title` as a type name.
///
/// Identical schemas that share a title become one type (Stigg's `Address` appears three times).
/// When different schemas share a title, component schemas fall back to their component names,
/// and among inline ones only the first (in file and pointer order) keeps it; the rest are named
/// from their context, so no type ends up as `ListResponse2`.
struct TitleIndex {
    /// title -> shape groups, each a list of schema origins (targets) with identical structure.
    private var groups: [String: [[Schema]]] = [:]
    private var componentOrigins: Set<String> = []
    /// Enum values (joined) of titled enums -> title, so identical untitled enums reuse the type.
    private(set) var titledEnums: [String: Schema] = [:]

    init(api: APIDescription) {
        var seen: Set<String> = []
        for (_, schema) in api.schemas {
            componentOrigins.insert(schema.origin.target)
            collect(schema, seen: &seen)
        }
        for operation in api.operations {
            for parameter in operation.parameters { if let schema = parameter.schema { collect(schema, seen: &seen) } }
            for media in operation.requestBody?.content ?? [] { if let schema = media.schema { collect(schema, seen: &seen) } }
            for response in operation.responses {
                for media in response.content { if let schema = media.schema { collect(schema, seen: &seen) } }
            }
        }
    }

    private mutating func collect(_ schema: Schema, seen: inout Set<String>) {
        guard seen.insert(schema.origin.target).inserted else { return }
        if let title = schema.title, schema.ref == nil {
            var shapes = groups[title, default: []]
            if let index = shapes.firstIndex(where: { $0[0].node.isStructurallyEqual(to: schema.node) }) {
                shapes[index].append(schema)
            } else {
                shapes.append([schema])
            }
            groups[title] = shapes
            if let values = schema.enumValues, titledEnums[Self.enumKey(values)] == nil {
                titledEnums[Self.enumKey(values)] = schema
            }
        }
        for (_, property) in schema.properties { collect(property, seen: &seen) }
        if let items = schema.items { collect(items, seen: &seen) }
        if case .schema(let additional) = schema.additionalProperties { collect(additional, seen: &seen) }
        for part in schema.oneOf + schema.anyOf + schema.allOf { collect(part, seen: &seen) }
    }

    /// A key for an enum's value list.
    static func enumKey(_ values: [Literal]) -> String {
        values.map { $0.stringValue ?? "\u{0}null" }.joined(separator: "\u{1}")
    }

    /// The title `schema` may be named by, and the representative schema of its shape group
    /// (identical schemas share one type through it).
    func ownedTitle(of schema: Schema) -> (title: String, representative: Schema)? {
        guard let title = schema.title, let shapes = groups[title] else { return nil }
        guard let group = shapes.first(where: { $0.contains { $0 === schema } }) else { return nil }
        if shapes.count == 1 { return (title, group[0]) }
        let contested = shapes.contains { $0.contains { componentOrigins.contains($0.origin.target) } }
        if contested { return nil }
        return shapes[0][0] === group[0] ? (title, group[0]) : nil
    }
}
