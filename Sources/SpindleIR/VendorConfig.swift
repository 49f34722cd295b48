import SpindleOpenAPI
import SpindleYAML

/// Per-vendor settings, read from `specs/<vendor>/spindle.yaml`.
public struct VendorConfig: Sendable {
    /// The Swift module (library product) name.
    public var module: String
    /// The client type name; defaults to `<module>Client`.
    public var client: String?
    /// `public` (default) or `internal`.
    public var accessLevel: AccessLevel = .public
    /// Whether generated types are `Hashable` (the default) or only `Equatable`. `hashable: false`
    /// makes a large module build faster: `hash(into:)` is code for every property of every type.
    public var hashable = true
    /// Environment variable the client reads its credential from when none is passed (`auth.environmentVariable`),
    /// for a client with one security scheme.
    public var credentialEnvironmentVariable: String?
    /// Where `auth.environmentVariable` is written, for the warning when the client has several schemes.
    public var credentialEnvironmentVariableLocation: SourceLocation?
    /// Environment variables by security scheme name (`auth.environmentVariables`), for clients with several.
    public var schemeEnvironmentVariables: [String: String] = [:]
    /// Where each of `schemeEnvironmentVariables` is named, for the warning when the spec has no such scheme.
    public var schemeEnvironmentVariableLocations: [String: SourceLocation] = [:]
    /// Suffixes dropped from type names (`Dto`).
    public var dropSuffixes: [String] = []
    /// Type name overrides, keyed by the name Spindle would choose or by component name.
    public var typeNames: [String: String] = [:]
    /// Whether a type the spec renamed keeps its previous name as a deprecated `typealias` (the default),
    /// so that code written against the previous generation compiles (`naming.keepRenamedTypes`).
    public var keepRenamedTypes = true
    /// Operation placement overrides, keyed by operationId: `customers.list`.
    public var operationNames: [String: String] = [:]
    /// Pagination declarations, keyed by operationId.
    public var pagination: [String: PaginationDeclaration] = [:]
    /// OperationIds to leave out.
    public var excludeOperations: Set<String> = []
    /// Serialization overrides for parameters whose spec (published verbatim) omits or misstates
    /// their style, keyed by `operationId.parameterName`.
    public var parameterStyles: [String: ParameterStyleOverride] = [:]
    /// Every place the config names an operation (or, in `parameters`, an `operationId.parameter`), so
    /// that names the spec does not have are reported instead of silently doing nothing.
    public var operationMentions: [OperationMention] = []
    /// Warning kinds not printed for this vendor (still counted in the summary): the ones its
    /// published spec will always have.
    public var quietWarnings: Set<DiagnosticKind> = []
    /// Whether the spec's `$ref`s may read files outside its folder (`allowExternalRefs: true`).
    public var allowsExternalReferences = false

    public enum AccessLevel: String, Sendable { case `public`, `internal`, package }

    public init(module: String) { self.module = module }

    /// The client type name in effect.
    public var clientName: String { client ?? module + "Client" }

    /// Why `name`, described as `what`, cannot name a module (its output folder, too), or `nil`.
    public static func moduleNameProblem(_ name: String, describedAs what: String) -> String? {
        ConfigNames.moduleProblem(name, what)
    }
}

/// A parameter's serialization as the vendor config overrides it.
public struct ParameterStyleOverride: Sendable, Hashable {
    public var style: ParameterStyle?
    public var explode: Bool?
    public init(style: ParameterStyle? = nil, explode: Bool? = nil) {
        self.style = style
        self.explode = explode
    }
}

/// How an operation pages, as written in config or in `x-spindle-pagination`.
public struct PaginationDeclaration: Sendable, Hashable {
    public var style: String
    public var items: String
    public var cursor: String?
    public var next: String?
    public var offset: String?
    public var limit: String?
    public var hasMore: String?
    public var page: String?
    public var total: String?
    public var inBody: Bool
    /// Offset style: advance by the `limit` parameter (`advance: limit`) instead of the items received.
    public var advancesByLimit: Bool
    public var location: SourceLocation

    static let keys: Set<String> = [
        "style", "items", "cursor", "next", "offset", "limit", "hasMore", "page", "total", "in", "advance",
    ]

    /// Reads a declaration, reporting unknown keys and missing fields at their locations.
    static func read(_ node: YAMLNode, report: (Diagnostic) -> Void) -> PaginationDeclaration? {
        guard node.kind == .mapping else {
            report(.error("a pagination declaration must be a mapping", at: node.location))
            return nil
        }
        for (key, _) in node.entries where !keys.contains(key.scalar ?? "") {
            report(.error("unknown pagination key '\(key.scalar ?? "")'; expected one of \(keys.sorted().joined(separator: ", "))", at: key.location))
        }
        guard let style = node["style"]?.scalar, ["cursor", "offset", "page"].contains(style) else {
            report(.error("pagination needs 'style: cursor', 'offset' or 'page'", at: node["style"]?.location ?? node.location))
            return nil
        }
        guard let items = node["items"]?.scalar else {
            report(.error("pagination needs 'items', the path to the item array in the response", at: node.location))
            return nil
        }
        let required: [String] =
            switch style {
            case "cursor": ["cursor", "next"]
            case "offset": ["offset", "limit"]
            default: ["page", "limit"]
            }
        for key in required where node[key]?.scalar == nil {
            report(.error("\(style) pagination needs '\(key)'", at: node.location))
            return nil
        }
        if let advance = node["advance"] {
            guard style == "offset", ["items", "limit"].contains(advance.scalar ?? "") else {
                report(.error("'advance' is for offset pagination and is 'items' (the default) or 'limit'", at: advance.location))
                return nil
            }
        }
        return PaginationDeclaration(
            style: style, items: items, cursor: node["cursor"]?.scalar, next: node["next"]?.scalar,
            offset: node["offset"]?.scalar, limit: node["limit"]?.scalar, hasMore: node["hasMore"]?.scalar,
            page: node["page"]?.scalar, total: node["total"]?.scalar, inBody: node["in"]?.scalar == "body",
            advancesByLimit: node["advance"]?.scalar == "limit", location: node.location)
    }
}

extension VendorConfig {
    /// Every key the reader accepts, by where it may appear: `""` is the top level, `parameters.*` a parameter
    /// override and `pagination.*` a pagination declaration. docs/CONFIGURATION.md documents each one; a test
    /// fails when the two differ.
    static let acceptedKeys: [String: Set<String>] = [
        "": [
            "module", "client", "accessLevel", "hashable", "auth", "naming", "pagination", "operations", "parameters",
            "quietWarnings", "allowExternalRefs",
        ],
        "auth": ["environmentVariable", "environmentVariables"],
        "naming": ["dropSuffixes", "types", "operations", "keepRenamedTypes"],
        "operations": ["exclude"],
        "parameters.*": ["style", "explode"],
        "pagination.*": PaginationDeclaration.keys,
    ]

    /// Reads a config document. Every problem is reported with its location; returns `nil` on errors.
    public static func read(_ document: YAMLDocument, defaultModule: String, report: (Diagnostic) -> Void) -> VendorConfig? {
        var config = VendorConfig(module: defaultModule)
        guard let root = document.root else { return config }
        guard root.kind == .mapping else {
            report(.error("the config must be a mapping", at: root.location))
            return nil
        }
        var failed = false
        func fail(_ message: String, _ node: YAMLNode) {
            report(.error(message, at: node.location))
            failed = true
        }
        func mention(_ node: YAMLNode, in section: String, namesParameter: Bool = false) {
            guard let name = node.scalar else { return }
            config.operationMentions.append(
                OperationMention(name: name, namesParameter: namesParameter, section: section, location: node.location))
        }
        func checkKeys(_ node: YAMLNode, _ allowed: Set<String>, _ context: String) {
            for (key, _) in node.entries where !allowed.contains(key.scalar ?? "") {
                fail("unknown key '\(key.scalar ?? "")' in \(context); expected one of \(allowed.sorted().joined(separator: ", "))", key)
            }
        }
        func stringMap(_ node: YAMLNode?, problem: (String) -> String?) -> [String: String] {
            guard let node else { return [:] }
            guard node.kind == .mapping else { fail("expected a mapping of names", node); return [:] }
            var result: [String: String] = [:]
            for (key, value) in node.entries {
                guard let name = key.scalar, let target = value.scalar, value.kind == .scalar else {
                    fail("expected 'name: replacement'", value)
                    continue
                }
                if let problem = problem(target) {
                    fail(problem, value)
                    continue
                }
                result[name] = target
            }
            return result
        }
        /// `true` or `false`, written as such.
        func flag(_ node: YAMLNode) -> Bool? {
            guard node.kind == .scalar else { return nil }
            return switch node.scalar {
            case "true": true
            case "false": false
            default: nil
            }
        }
        checkKeys(root, acceptedKeys[""]!, "the config")
        if let module = root["module"] {
            if let name = module.scalar, module.kind == .scalar, !name.isEmpty {
                if let problem = ConfigNames.moduleProblem(name) { fail(problem, module) } else { config.module = name }
            } else {
                fail("'module' must be a name", module)
            }
        }
        if let client = root["client"] {
            if let name = client.scalar, client.kind == .scalar, !name.isEmpty {
                if let problem = ConfigNames.typeProblem(name, "'client'") { fail(problem, client) } else { config.client = name }
            } else {
                fail("'client' must be a name", client)
            }
        }
        if let level = root["accessLevel"] {
            if let value = level.scalar.flatMap(AccessLevel.init(rawValue:)) { config.accessLevel = value } else { fail("'accessLevel' must be public, package or internal", level) }
        }
        if let hashable = root["hashable"] {
            if let flag = flag(hashable) { config.hashable = flag } else { fail("'hashable' must be true or false", hashable) }
        }
        if let external = root["allowExternalRefs"] {
            if let flag = flag(external) { config.allowsExternalReferences = flag } else { fail("'allowExternalRefs' must be true or false", external) }
        }
        if let auth = root["auth"] {
            checkKeys(auth, acceptedKeys["auth"]!, "auth")
            config.schemeEnvironmentVariables = stringMap(auth["environmentVariables"], problem: ConfigNames.environmentVariableProblem)
            for (key, _) in auth["environmentVariables"]?.entries ?? [] {
                if let name = key.scalar { config.schemeEnvironmentVariableLocations[name] = key.location }
            }
            if let variable = auth["environmentVariable"] {
                if let name = variable.scalar, variable.kind == .scalar, !name.isEmpty {
                    if let problem = ConfigNames.environmentVariableProblem(name) { fail(problem, variable) }
                    config.credentialEnvironmentVariable = name
                    config.credentialEnvironmentVariableLocation = variable.location
                } else {
                    fail("'environmentVariable' must be a name", variable)
                }
            }
        }
        if let naming = root["naming"] {
            checkKeys(naming, acceptedKeys["naming"]!, "naming")
            if let keep = naming["keepRenamedTypes"] {
                switch keep.scalar {
                case "true" where keep.kind == .scalar: config.keepRenamedTypes = true
                case "false" where keep.kind == .scalar: config.keepRenamedTypes = false
                default: fail("'keepRenamedTypes' must be true or false", keep)
                }
            }
            if let suffixes = naming["dropSuffixes"] {
                if suffixes.kind == .sequence {
                    for element in suffixes.elements {
                        guard let suffix = element.scalar, element.kind == .scalar else { fail("a suffix must be a name", element); continue }
                        if let problem = ConfigNames.suffixProblem(suffix) { fail(problem, element) } else { config.dropSuffixes.append(suffix) }
                    }
                } else {
                    fail("'dropSuffixes' must be a list", suffixes)
                }
            }
            config.typeNames = stringMap(naming["types"]) { ConfigNames.typeProblem($0, "type name") }
            config.operationNames = stringMap(naming["operations"], problem: ConfigNames.operationPathProblem)
            for (key, _) in naming["operations"]?.entries ?? [] { mention(key, in: "naming.operations") }
        }
        if let pagination = root["pagination"] {
            if pagination.kind == .mapping {
                for (key, value) in pagination.entries {
                    guard let operationId = key.scalar else { continue }
                    var hadError = false
                    let declaration = PaginationDeclaration.read(value) { diagnostic in
                        if diagnostic.severity == .error { hadError = true }
                        report(diagnostic)
                    }
                    if hadError { failed = true }
                    if let declaration { config.pagination[operationId] = declaration }
                    mention(key, in: "pagination")
                }
            } else {
                fail("'pagination' must map operationIds to declarations", pagination)
            }
        }
        if let parameters = root["parameters"] {
            if parameters.kind == .mapping {
                for (key, value) in parameters.entries {
                    guard let name = key.scalar, name.contains(".") else {
                        fail("parameter overrides are keyed by 'operationId.parameterName'", key)
                        continue
                    }
                    checkKeys(value, acceptedKeys["parameters.*"]!, "a parameter override")
                    var override = ParameterStyleOverride()
                    if let style = value["style"] {
                        if let parsed = style.scalar.flatMap(ParameterStyle.init(rawValue:)) { override.style = parsed } else { fail("unknown parameter style '\(style.scalar ?? "")'", style) }
                    }
                    if let explode = value["explode"] {
                        if let flag = explode.bool { override.explode = flag } else { fail("'explode' must be true or false", explode) }
                    }
                    config.parameterStyles[name] = override
                    mention(key, in: "parameters", namesParameter: true)
                }
            } else {
                fail("'parameters' must map 'operationId.parameterName' to {style, explode}", parameters)
            }
        }
        if let quiet = root["quietWarnings"] {
            if quiet.kind == .sequence {
                for element in quiet.elements {
                    if let kind = element.scalar.flatMap(DiagnosticKind.init(rawValue:)), element.kind == .scalar {
                        config.quietWarnings.insert(kind)
                    } else {
                        fail("unknown warning kind '\(element.scalar ?? "")' in quietWarnings; expected one of \(DiagnosticKind.all.map(\.rawValue).joined(separator: ", "))", element)
                    }
                }
            } else {
                fail("'quietWarnings' must be a list of warning kinds", quiet)
            }
        }
        if let operations = root["operations"] {
            checkKeys(operations, acceptedKeys["operations"]!, "operations")
            if let exclude = operations["exclude"] {
                if exclude.kind == .sequence {
                    config.excludeOperations = Set(exclude.elements.compactMap(\.scalar))
                    for element in exclude.elements { mention(element, in: "operations.exclude") }
                } else {
                    fail("'exclude' must be a list of operationIds", exclude)
                }
            }
        }
        checkTypeNamesAgainstModule(config, root: root, fail: fail)
        return failed ? nil : config
    }

    /// A `naming.types` value that is the module's, the client's or an error type's name would declare
    /// that type twice.
    private static func checkTypeNamesAgainstModule(_ config: VendorConfig, root: YAMLNode, fail: (String, YAMLNode) -> Void) {
        let taken = [config.module, config.clientName, config.module + "Error", config.module + "ErrorBody"]
        for (_, value) in root["naming"]?["types"]?.entries ?? [] {
            guard let name = value.scalar, taken.contains(name) else { continue }
            fail("type name \(ConfigNames.quoted(name)) is taken by the module's own \(name == config.clientName ? "client" : "types"); choose another name", value)
        }
    }
}

/// A place in a vendor config that names an operation by its `operationId`.
public struct OperationMention: Sendable, Hashable {
    /// The name as written: an operationId, or `operationId.parameter` when `namesParameter`. It is not
    /// split here: operationIds may contain dots themselves (`customers.list`).
    public var name: String
    /// Whether `name` is a `parameters` key, `operationId.parameter`.
    public var namesParameter: Bool
    /// The config section, e.g. `pagination`.
    public var section: String
    /// Where the name is written.
    public var location: SourceLocation
}
