import SpindleOpenAPI
import SpindleYAML

/// Builds the ``IRModule`` of an API: names and shapes every type, places every operation.
///
/// Types are created on first use and memoized by what they were built from, so a schema reached
/// through many references is one type and recursive schemas terminate.
public final class IRBuilder {
    let api: APIDescription
    let loader: SpecLoader
    let config: VendorConfig
    let titles: TitleIndex

    /// Built types by path key (`Customer.Integration`), flat; nesting is assembled at the end.
    var types: [String: IRType] = [:]
    /// Memo: what a schema was turned into, by its key (component, title or origin).
    var built: [String: [String]] = [:]
    /// Names taken per scope (`""` for top level), with the key that took them.
    var names: [String: [String: String]] = [:]
    /// Names given in the previous generation, honoured while they are free.
    let lock: NameLock
    /// `components.schemas` by name.
    let componentSchemas: [String: Schema]
    /// Targets of the non-component `$ref`s being typed right now, to stop at a cycle of inline
    /// schemas (`items: {$ref: '#/components/schemas/A/properties/list'}` inside that `list`).
    var followedReferences: Set<ObjectIdentifier> = []
    /// How many arrays and maps enclose the value being typed, in the type expression being built.
    var typeNesting = 0

    /// Creates a builder for `api`, whose schemas `loader` resolves.
    public init(api: APIDescription, loader: SpecLoader, config: VendorConfig, lock: NameLock = NameLock()) {
        self.api = api
        self.loader = loader
        self.config = config
        self.lock = lock
        self.componentSchemas = Dictionary(api.schemas.map { ($0.name, $0.schema) }) { first, _ in first }
        var titles = TitleIndex(api: api)
        let lockedKeys = lock.types
        titles.decideHolders { title, schema in
            lockedKeys["title:\(title)#\(Self.relativeTarget(schema.origin))"] != nil
        }
        self.titles = titles
    }

    func report(_ diagnostic: Diagnostic) { loader.report(diagnostic) }

    /// Builds the module. Problems are reported through the loader's diagnostics.
    public func build() -> IRModule {
        // Component schemas first, in name order, so their names are claimed before any inline
        // schema could take them: adding an operation never renames a component type. Components
        // the previous generation knew go before new ones, so the schemas they reach first (which
        // name shared inline types) are the same as last time.
        let known = api.schemas.filter { lock.types["component:\($0.name)"] != nil }
        let added = api.schemas.filter { lock.types["component:\($0.name)"] == nil }
        for (name, _) in known + added { _ = componentType(name) }
        checkConfigMentions()
        let operations = buildOperations()
        wrapRecursiveAliases()
        markIndirection()
        var names = givenNames
        for operation in operations {
            names.operations["\(operation.httpMethod.rawValue.uppercased()) \(operation.pathKey)"] =
                (operation.resource + [operation.methodName]).joined(separator: ".")
        }
        let security = ClientSecurity(
            schemes: securitySchemes(), operations: operations,
            defaultRequirements: securityRequirements(api.security), config: config)
        for problem in security.configProblems { report(problem) }
        return IRModule(
            moduleName: config.module,
            clientName: config.clientName,
            title: api.title,
            version: api.version,
            description: api.description,
            types: assembleTypes(),
            operations: operations,
            servers: servers(),
            securitySchemes: security.schemes,
            security: securityRequirements(api.security),
            credentialEnvironmentVariable: config.credentialEnvironmentVariable,
            sourceFiles: api.fragments,
            names: names)
    }

    // MARK: Naming

    /// A type name cleaned of configured suffixes and overridden by config.
    func typeName(_ raw: String) -> String {
        if let override = config.typeNames[raw] { return override }
        var name = SwiftNaming.typeName(raw)
        // Dropping a suffix must not leave a name Swift reserves (`ErrorDto` stays `ErrorDto`).
        for suffix in config.dropSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            let shorter = String(name.dropLast(suffix.count))
            // Nor one that is no identifier: `_2fa` without `2fa` is the wildcard `_`.
            if !SwiftNaming.reservedTypeNames.contains(shorter), SwiftIdentifier.isValid(shorter) { name = shorter }
        }
        if let override = config.typeNames[name] { return override }
        // The module, its client and its error types (`<Module>Error`, `<Module>ErrorBody`).
        if [config.module, config.clientName, config.module + "Error", config.module + "ErrorBody"].contains(name) {
            name += "Model"
        }
        return name
    }

    /// Claims `name` in `scope` for `key`, or the first free variant of it. A name the lock
    /// remembers for `key` in the same scope wins over `name`, so renames need a reason.
    func claim(_ name: String, in scope: [String], key: String) -> [String] {
        let scopeKey = scope.joined(separator: ".")
        // Read through `names` rather than a local copy: a copy would duplicate the whole table
        // on the write below (copy-on-write), which is quadratic for large scopes.
        let taken = { (name: String) in self.names[scopeKey]?[name] }
        var candidate = name
        if let locked = lock.types[key], Array(locked.dropLast()) == scope, let lockedName = locked.last,
            !SwiftNaming.reservedTypeNames.contains(lockedName), taken(lockedName) == nil || taken(lockedName) == key
        {
            candidate = lockedName
        }
        var counter = 2
        // Nested types must not share their parent's name, which Swift would resolve to the parent.
        while let owner = taken(candidate), owner != key {
            candidate = "\(name)\(counter)"
            counter += 1
        }
        while scope.last == candidate {
            candidate += "Value"
        }
        names[scopeKey, default: [:]][candidate] = key
        return scope + [candidate]
    }

    // MARK: Types

    /// The type of a component schema, built on first use.
    func componentType(_ name: String) -> [String] {
        let key = "component:\(name)"
        if let path = built[key] { return path }
        guard let schema = componentSchemas[name] else { return ["JSONValue"] }
        let path = claim(typeName(name), in: [], key: key)
        built[key] = path
        defineType(path, from: schema, isComponent: true)
        return path
    }

    /// Where a schema that needs a generated type gets its name.
    struct NameContext {
        /// The enclosing type, or nil for a top-level name.
        var parent: [String]?
        /// The name to use when the schema has no title of its own.
        var suggested: String

        func child(_ suggested: String) -> NameContext { NameContext(parent: parent, suggested: suggested) }
    }

    /// The path of the generated type for an inline schema, building it on first use.
    func namedType(for schema: Schema, context: NameContext) -> [String] {
        switch titles.owner(of: schema) {
        case .component(let name):
            return componentType(name)
        case .title(let title, let representative):
            let key = titleKey(title, representative)
            if let path = built[key] { return path }
            let path = claim(typeName(title), in: [], key: key)
            built[key] = path
            defineType(path, from: schema)
            return path
        case nil:
            break
        }
        // An untitled enum identical to a titled one is that type (Stigg's Zuora `currency`).
        if let values = schema.enumValues, let titled = titles.titledEnums[TitleIndex.enumKey(values)], titled !== schema {
            return namedType(for: titled, context: context)
        }
        // Identical untitled enums are one type too (Stigg's vendor identifiers appear in a
        // response, a nested object and a query parameter); the first place reached names it.
        let key = schema.enumValues.map { "enum:\(TitleIndex.enumKey($0))" } ?? "origin:\(Self.relativeTarget(schema.origin))"
        if let path = built[key] { return path }
        let path = claim(typeName(context.suggested), in: context.parent ?? [], key: key)
        built[key] = path
        defineType(path, from: schema)
        return path
    }

    /// Registers the type at `path` built from `schema`. The path is claimed before the shape is
    /// built so that recursive references find it.
    func defineType(_ path: [String], from schema: Schema, isComponent: Bool = false) {
        let key = path.joined(separator: ".")
        let sources = annotationSources(schema)
        let deprecated = sources.contains(where: \.deprecated)
        types[key] = IRType(
            name: path.last!, path: path, kind: .alias(.json), description: describing(annotatedDescription(schema), keysOf: schema),
            deprecated: deprecated,
            deprecationMessage: deprecated ? deprecationMessage(of: sources, description: annotatedDescription(schema)) : nil,
            nested: [], source: schema.origin.target, location: schema.location, isComponent: isComponent)
        // A named type is an expression of its own: the nesting of the one that refers to it stops there.
        let enclosingNesting = typeNesting
        typeNesting = 0
        let kind = typeKind(schema, path: path)
        typeNesting = enclosingNesting
        types[key]?.kind = kind
    }

    /// The key of a titled type: the title and where its representative schema is written.
    func titleKey(_ title: String, _ schema: Schema) -> String {
        "title:\(title)#\(Self.relativeTarget(schema.origin))"
    }

    /// `file#pointer` with the file reduced to its name, so keys do not depend on where the
    /// generator runs from.
    static func relativeTarget(_ origin: Reference) -> String {
        // Cut on bytes: splitting the whole path by `Character` cost 17,000 instructions a call on Stripe.
        let path = origin.file.utf8
        let name = path.lastIndex(of: UInt8(ascii: "/")).map { Substring(path[path.index(after: $0)...]) } ?? Substring(origin.file)
        return "\(name)#\(origin.pointer)"
    }

    /// The names this build gave, for the next build's lock.
    var givenNames: NameLock {
        var lock = NameLock()
        lock.types = built
        return lock
    }

    /// Puts nested types inside their parents and sorts everything by name.
    func assembleTypes() -> [IRType] {
        var childrenByParent: [String: [IRType]] = [:]
        for type in types.values {
            childrenByParent[type.path.dropLast().joined(separator: "."), default: []].append(type)
        }
        func children(of key: String) -> [IRType] {
            (childrenByParent[key] ?? []).sorted { $0.name < $1.name }.map { type in
                var type = type
                type.nested = children(of: type.path.joined(separator: "."))
                return type
            }
        }
        return children(of: "")
    }

    func securitySchemes() -> [IRSecurityScheme] {
        api.securitySchemes.compactMap { name, scheme in
            switch scheme.kind {
            case .apiKey(let keyName, let location):
                return IRSecurityScheme(name: name, kind: .apiKey(name: keyName, location: location), description: scheme.description)
            case .http(let httpScheme, _) where httpScheme == "bearer":
                return IRSecurityScheme(name: name, kind: .bearer, description: scheme.description)
            case .http(let httpScheme, _) where httpScheme == "basic":
                return IRSecurityScheme(name: name, kind: .basic, description: scheme.description)
            case .oauth2:
                return IRSecurityScheme(name: name, kind: .oauth2, description: scheme.description)
            case .openIdConnect:
                return IRSecurityScheme(name: name, kind: .openIdConnect, description: scheme.description)
            default:
                report(.warning(.unsupportedSecurityScheme, "security scheme '\(name)' is not supported yet; set credentials through a middleware", at: scheme.location))
                return nil
            }
        }
    }
}
