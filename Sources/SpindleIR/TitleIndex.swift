import SpindleOpenAPI

/// Decides which schemas may take their `title` as a type name.
///
/// Component schemas are named by their component name: names are unique keys there, so they are
/// never contested and never change when another schema appears. Inline schemas take their title:
/// identical ones share one type (Stigg's `Address` appears three times), an inline schema identical
/// to a component is that component's type, and when different inline schemas share a title only
/// the first (in file and pointer order) keeps it; the rest are named from their context, so no type
/// ends up as `ListResponse2`. Which schema got which name is remembered across generations by
/// the name lock, so a later spec bump does not move a title to another schema.
struct TitleIndex {
    /// title -> shape groups, each a list of schemas with identical structure.
    private var groups: [String: [[Schema]]] = [:]
    /// Component name by its schema (the loader keeps one `Schema` per place, so identity is place).
    private var componentNames: [ObjectIdentifier: String] = [:]
    /// The inline group holding each title: its first schema and the schema whose key names it.
    private var holders: [String: (first: Schema, representative: Schema)] = [:]
    /// Enum values (joined) of titled enums -> title, so identical untitled enums reuse the type.
    private(set) var titledEnums: [String: Schema] = [:]

    init(api: APIDescription) {
        var seen: Set<ObjectIdentifier> = []
        for (name, schema) in api.schemas {
            componentNames[ObjectIdentifier(schema)] = name
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

    private mutating func collect(_ schema: Schema, seen: inout Set<ObjectIdentifier>) {
        guard seen.insert(ObjectIdentifier(schema)).inserted else { return }
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

    /// How an inline schema with a title is named.
    enum TitleOwner {
        /// It is identical to this component schema: use the component's type.
        case component(String)
        /// It owns the title; `representative` stands for every identical schema.
        case title(String, representative: Schema)
    }

    /// Decides, for every contested title, which inline shape group holds it. `heldTitle` tells
    /// whether a schema owned its title in the previous generation; such a schema's group keeps
    /// the title even if a new schema with the same title sorts before it.
    mutating func decideHolders(heldTitle: (String, Schema) -> Bool) {
        for (title, shapes) in groups {
            let inlineShapes = shapes.filter { !$0.contains { componentNames[ObjectIdentifier($0)] != nil } }
            guard let holder = inlineShapes.first(where: { $0.contains { heldTitle(title, $0) } }) ?? inlineShapes.first else {
                continue
            }
            holders[title] = (holder[0], holder.first { heldTitle(title, $0) } ?? holder[0])
        }
    }

    /// The name source of `schema` through its title, or `nil` when it must be named by context.
    func owner(of schema: Schema) -> TitleOwner? {
        guard let title = schema.title, let shapes = groups[title] else { return nil }
        guard let group = shapes.first(where: { $0.contains { $0 === schema } }) else { return nil }
        if let component = group.lazy.compactMap({ self.componentNames[ObjectIdentifier($0)] }).first {
            return .component(component)
        }
        guard let holder = holders[title], holder.first === group[0] else { return nil }
        return .title(title, representative: holder.representative)
    }
}
