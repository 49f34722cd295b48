import Foundation
import SpindleIR

/// What Swift users of a generated module can see and depend on: the client, operations with their
/// parameters, results and pagination helpers, types with their members and initializers, the
/// error-body enum, and what is deprecated. Stored beside the generated code (`spindle-surface.json`)
/// so that a later generation can say what a spec bump changed; ``declarations`` lists every public
/// declaration it stands for.
///
/// Format 2 added the client, method and initializer signatures, pagination helpers, deprecations,
/// enum case names, repeated shapes and renamed types. A surface written before (format 1) still
/// loads: its names lock the next generation, and changes it cannot tell are not reported.
public struct APISurface: Codable, Equatable, Sendable {
    /// The format this version of Spindle writes.
    public static let currentFormat = 2

    /// The format the surface was written in; `nil` for format 1, which did not record it.
    public var format: Int?
    public var module: String
    public var version: String
    /// The client type and its initializer; `nil` in format 1.
    public var client: ClientSurface?
    /// Operations by call path, e.g. `customers.integrations.list`.
    public var operations: [String: OperationSurface]
    /// Types by Swift path, e.g. `Customer.Integration`.
    public var types: [String: TypeSurface]
    /// The names given, which the next generation keeps (see ``NameLock``).
    public var names: NameLock
    /// The error-body enum; `nil` in surfaces stored before Spindle recorded it.
    public var errorBody: ErrorBodySurface?

    public struct ClientSurface: Codable, Equatable, Sendable {
        public var name: String
        /// `init(apiKey:serverURL:configuration:)`.
        public var initializer: String
    }

    public struct OperationSurface: Codable, Equatable, Sendable {
        public var method: String
        public var path: String
        /// Parameter label -> Swift type, with `?` when optional.
        public var parameters: [String: String]
        public var returns: String
        /// The method with every parameter in order, `list(id:limit:options:)`; Swift matches arguments
        /// by position too.
        public var signature: String?
        /// The `<method>Pages` and `<method>All` companions, when the operation pages.
        public var pagination: PaginationSurface?
        /// The deprecation message (empty when the spec gives none), when the operation is deprecated.
        public var deprecated: String?
        /// Deprecated parameters: label -> message (empty when none).
        public var deprecatedParameters: [String: String]?
    }

    public struct PaginationSurface: Codable, Equatable, Sendable {
        /// The page type `<method>Pages` yields.
        public var page: String
        /// The item type `<method>All` yields.
        public var item: String
    }

    public struct TypeSurface: Codable, Equatable, Sendable {
        /// `struct`, `enum` (open), `union` or `alias`.
        public var kind: String
        /// Struct properties: name -> Swift type (`T`, `T?`, `OptionalValue<T>`), plus `!` when
        /// the key is always encoded (required-and-nullable).
        public var properties: [String: String]?
        /// Open enum values (raw values), in format 1 only: format 2 records them in ``cases``.
        public var values: [String]?
        /// Union cases: name -> payload type; open enum values (format 2): name -> raw value.
        public var cases: [String: String]?
        /// Alias target.
        public var target: String?
        /// The struct's memberwise initializer, `init(id:name:additionalProperties:)`.
        public var initializer: String?
        /// The deprecation message (empty when the spec gives none), when the type is deprecated.
        public var deprecated: String?
        /// Deprecated properties: name -> message (empty when none).
        public var deprecatedProperties: [String: String]?
        /// The type the spec repeats this one's shape of: this one is declared as a `typealias` of it.
        public var declaredAs: String?
        /// Whether this alias keeps a previous name of ``target`` after the spec renamed it.
        public var renamed: Bool?

        /// Open enum raw values, from either format.
        var rawValues: Set<String> { kind == "enum" ? Set(cases.map { Array($0.values) } ?? values ?? []) : [] }
    }

    /// The enum `<Module>ErrorBody` that `.api` errors carry. It is not an OpenAPI schema, so it is
    /// not among ``types``, yet code `switch`es over it like over any enum.
    public struct ErrorBodySurface: Codable, Equatable, Sendable {
        public var name: String
        /// Case name -> payload type, one case per distinct error schema.
        public var cases: [String: String]
    }

    /// The file name of the surface beside the generated code.
    public static let fileName = "spindle-surface.json"

    /// Reads the surface stored in a generated module folder, if there is one.
    public static func stored(in directory: String) -> APISurface? {
        read(file: directory + "/" + fileName)
    }

    /// Reads a surface file (of any format); `nil` when it is missing or unreadable.
    public static func read(file: String) -> APISurface? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(APISurface.self, from: data)
    }

    /// A surface that records only names: it locks them, and has nothing to compare or keep.
    init(module: String, names: NameLock) {
        self.module = module
        self.version = ""
        self.operations = [:]
        self.types = [:]
        self.names = names
    }

    /// The surface of `module`.
    public init(module: IRModule) {
        self.init(module: module, deduplication: TypeDeduplication(types: module.types, operations: module.operations))
    }

    /// The surface of `module`, whose repeated shapes `deduplication` declares once.
    init(module: IRModule, deduplication: TypeDeduplication) {
        format = Self.currentFormat
        self.module = module.moduleName
        self.version = module.version
        let credential = ClientCredentials(module: module).labels
        client = ClientSurface(name: module.clientName, initializer: Self.methodName("init", labels: credential + ["serverURL", "configuration"]))
        var forms: [String: IRMultipartForm] = [:]
        func collectForms(_ type: IRType) {
            if case .multipartForm(let form) = type.kind { forms[type.path.joined(separator: ".")] = form }
            type.nested.forEach(collectForms)
        }
        module.types.forEach(collectForms)
        let errorBodyName = module.moduleName + "ErrorBody"
        var operations: [String: OperationSurface] = [:]
        for operation in module.operations {
            operations[(operation.resource + [operation.methodName]).joined(separator: ".")] = Self.surface(
                of: operation, errorBody: errorBodyName, form: { forms[$0.joined(separator: ".")] })
        }
        var types: [String: TypeSurface] = [:]
        func add(_ type: IRType) {
            let key = type.path.joined(separator: ".")
            var surface = Self.surface(of: type)
            surface.declaredAs = deduplication.targets[key]?.joined(separator: ".")
            types[key] = surface
            type.nested.forEach(add)
        }
        module.types.forEach(add)
        self.operations = operations
        self.types = types
        self.names = module.names
        // The emitter names the enum the same way (`SwiftEmitter`); a golden test checks they agree.
        self.errorBody = ErrorBodySurface(
            name: errorBodyName,
            cases: Dictionary(ErrorBodyCases(operations: module.operations).cases.map { ($0.name, Self.spell($0.type)) }) { first, _ in first })
    }

    private static func surface(
        of operation: IROperation, errorBody: String, form: ([String]) -> IRMultipartForm?
    ) -> OperationSurface {
        var parameters: [String: String] = [:]
        for parameter in operation.parameters {
            parameters[parameter.swiftName] = Self.spell(parameter.type) + (parameter.required ? "" : "?")
        }
        let flattened = operation.flattenedForm(form)
        let formLabels = flattened.map(operation.formArgumentLabels) ?? []
        if let flattened {
            for (part, label) in zip(flattened.parts, formLabels) { parameters[label] = part.argumentType(spell) }
        } else if let body = operation.requestBody {
            parameters["body"] = body.argumentType(spell) + (body.required ? "" : "?")
        }
        let slots = operation.methodSlots
        var deprecatedParameters: [String: String] = [:]
        for slot in slots { if let message = slot.deprecationMessage { deprecatedParameters[slot.label] = message ?? "" } }
        let labels = slots.flatMap { slot -> [String] in
            if case .body = slot, flattened != nil { return formLabels }
            return [slot.label]
        }
        return OperationSurface(
            method: operation.httpMethod.rawValue.uppercased(), path: operation.pathKey, parameters: parameters,
            returns: operation.returnType(errorBody: errorBody, spell) ?? "Void",
            signature: methodName(operation.methodName, labels: labels + ["options"]),
            pagination: operation.paginationHelperTypes.map { PaginationSurface(page: spell($0.page), item: spell($0.item)) },
            deprecated: operation.deprecated ? operation.deprecationMessage ?? "" : nil,
            deprecatedParameters: deprecatedParameters.isEmpty ? nil : deprecatedParameters)
    }

    private static func surface(of type: IRType) -> TypeSurface {
        var surface: TypeSurface
        switch type.kind {
        case .object(let object):
            var properties: [String: String] = [:]
            var deprecated: [String: String] = [:]
            for property in object.properties {
                let spelled = Self.spell(property.type)
                properties[property.swiftName] =
                    switch property.presence {
                    case .required: spelled
                    case .requiredNullable: spelled + "?!"
                    case .optional: spelled + "?"
                    case .optionalNullable: "OptionalValue<\(spelled)>"
                    }
                if property.deprecated { deprecated[property.swiftName] = property.deprecationMessage ?? "" }
            }
            surface = TypeSurface(
                kind: "struct", properties: properties,
                initializer: methodName("init", labels: object.properties.map(\.swiftName) + ["additionalProperties"]),
                deprecatedProperties: deprecated.isEmpty ? nil : deprecated)
        case .enumeration(let enumeration):
            surface = TypeSurface(kind: "enum", cases: Dictionary(enumeration.cases.map { ($0.swiftName, $0.rawValue) }) { first, _ in first })
        case .union(let union):
            surface = TypeSurface(kind: "union", cases: Dictionary(union.variants.map { ($0.swiftName, Self.spell($0.type)) }) { first, _ in first })
        case .alias(let target):
            surface = TypeSurface(kind: "alias", target: Self.spell(target))
        case .wrapper(let target):
            surface = TypeSurface(kind: "wrapper", target: Self.spell(target))
        case .multipartForm(let form):
            surface = TypeSurface(
                kind: "form", properties: Dictionary(form.parts.map { ($0.swiftName, $0.argumentType(spell)) }) { first, _ in first },
                initializer: methodName("init", labels: form.parts.map(\.swiftName)))
        }
        surface.deprecated = type.deprecated ? type.deprecationMessage ?? "" : nil
        return surface
    }

    /// `name(a:b:)`, as Swift names a function by its argument labels.
    static func methodName(_ name: String, labels: [String]) -> String {
        name + "(" + labels.map { $0 + ":" }.joined() + ")"
    }

    /// A Swift spelling of a type, fully qualified from the module's top level.
    static func spell(_ type: IRTypeRef) -> String {
        SwiftTypeSpelling.spell(type) { $0.joined(separator: ".") }
    }
}
