import Foundation
import SpindleIR

/// What Swift users of a generated module can see and depend on: operations with their
/// parameters and results, types with their members. Stored beside the generated code
/// (`spindle-surface.json`) so that a later generation can say what a spec bump changed.
public struct APISurface: Codable, Equatable, Sendable {
    public var module: String
    public var version: String
    /// Operations by call path, e.g. `customers.integrations.list`.
    public var operations: [String: OperationSurface]
    /// Types by Swift path, e.g. `Customer.Integration`.
    public var types: [String: TypeSurface]
    /// The names given, which the next generation keeps (see ``NameLock``).
    public var names: NameLock
    /// The error-body enum; `nil` in surfaces stored before Spindle recorded it.
    public var errorBody: ErrorBodySurface?

    public struct OperationSurface: Codable, Equatable, Sendable {
        public var method: String
        public var path: String
        /// Parameter label -> Swift type, with `?` when optional.
        public var parameters: [String: String]
        public var returns: String
    }

    public struct TypeSurface: Codable, Equatable, Sendable {
        /// `struct`, `enum` (open), `union` or `alias`.
        public var kind: String
        /// Struct properties: name -> Swift type (`T`, `T?`, `OptionalValue<T>`), plus `!` when
        /// the key is always encoded (required-and-nullable).
        public var properties: [String: String]?
        /// Open enum values (raw values).
        public var values: [String]?
        /// Union cases: name -> payload type.
        public var cases: [String: String]?
        /// Alias target.
        public var target: String?
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

    /// Deterministic JSON: sorted keys, one member per line, for readable diffs. The layout is what
    /// `JSONEncoder` writes on Linux with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`; keys are
    /// in `String` order on every platform, so a surface written on a Mac is the one written on Linux.
    public func json() -> String {
        var json = PrettyJSONWriter()
        json.object { json in
            if let errorBody {
                json.member("errorBody") { json in
                    json.object { json in
                        json.member("cases") { $0.object(errorBody.cases) { $0.string($1) } }
                        json.member("name") { $0.string(errorBody.name) }
                    }
                }
            }
            json.member("module") { $0.string(module) }
            json.member("names") { json in
                json.object { json in
                    json.member("operations") { $0.object(names.operations) { $0.string($1) } }
                    json.member("types") { $0.object(names.types) { $0.array($1) } }
                }
            }
            json.member("operations") {
                $0.object(operations) { json, operation in
                    json.object { json in
                        json.member("method") { $0.string(operation.method) }
                        json.member("parameters") { $0.object(operation.parameters) { $0.string($1) } }
                        json.member("path") { $0.string(operation.path) }
                        json.member("returns") { $0.string(operation.returns) }
                    }
                }
            }
            json.member("types") {
                $0.object(types) { json, type in
                    json.object { json in
                        if let cases = type.cases { json.member("cases") { $0.object(cases) { $0.string($1) } } }
                        json.member("kind") { $0.string(type.kind) }
                        if let properties = type.properties {
                            json.member("properties") { $0.object(properties) { $0.string($1) } }
                        }
                        if let target = type.target { json.member("target") { $0.string(target) } }
                        if let values = type.values { json.member("values") { $0.array(values) } }
                    }
                }
            }
            json.member("version") { $0.string(version) }
        }
        return json.text + "\n"
    }

    /// Reads the surface stored in a generated module folder, if there is one.
    public static func stored(in directory: String) -> APISurface? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(APISurface.self, from: data)
    }

    /// The surface of `module`.
    public init(module: IRModule) {
        self.module = module.moduleName
        self.version = module.version
        var operations: [String: OperationSurface] = [:]
        for operation in module.operations {
            var parameters: [String: String] = [:]
            for parameter in operation.parameters {
                parameters[parameter.swiftName] = Self.spell(parameter.type) + (parameter.required ? "" : "?")
            }
            if let body = operation.requestBody {
                parameters["body"] = Self.spell(body.type) + (body.required ? "" : "?")
            }
            let name = (operation.resource + [operation.methodName]).joined(separator: ".")
            operations[name] = OperationSurface(
                method: operation.httpMethod.rawValue.uppercased(), path: operation.path, parameters: parameters,
                returns: operation.successResponse?.type.map(Self.spell) ?? "Void")
        }
        var types: [String: TypeSurface] = [:]
        func add(_ type: IRType) {
            let key = type.path.joined(separator: ".")
            switch type.kind {
            case .object(let object):
                var properties: [String: String] = [:]
                for property in object.properties {
                    let spelled = Self.spell(property.type)
                    properties[property.swiftName] =
                        switch property.presence {
                        case .required: spelled
                        case .requiredNullable: spelled + "?!"
                        case .optional: spelled + "?"
                        case .optionalNullable: "OptionalValue<\(spelled)>"
                        }
                }
                types[key] = TypeSurface(kind: "struct", properties: properties)
            case .enumeration(let enumeration):
                types[key] = TypeSurface(kind: "enum", values: enumeration.cases.map(\.rawValue))
            case .union(let union):
                types[key] = TypeSurface(kind: "union", cases: Dictionary(union.variants.map { ($0.swiftName, Self.spell($0.type)) }) { first, _ in first })
            case .alias(let target):
                types[key] = TypeSurface(kind: "alias", target: Self.spell(target))
            case .multipartForm(let form):
                types[key] = TypeSurface(kind: "form", properties: Dictionary(form.parts.map { ($0.swiftName, $0.surfaceType) }) { first, _ in first })
            }
            type.nested.forEach(add)
        }
        module.types.forEach(add)
        self.operations = operations
        self.types = types
        self.names = module.names
        // The emitter names the enum the same way (`SwiftEmitter`); a golden test checks they agree.
        self.errorBody = ErrorBodySurface(
            name: module.moduleName + "ErrorBody",
            cases: Dictionary(ErrorBodyCases(operations: module.operations).cases.map { ($0.name, Self.spell($0.type)) }) { first, _ in first })
    }

    /// A Swift spelling of a type, fully qualified from the module's top level.
    static func spell(_ type: IRTypeRef) -> String {
        SwiftTypeSpelling.spell(type) { $0.joined(separator: ".") }
    }
}

extension IRFormPart {
    /// The property's Swift type as the surface records it.
    fileprivate var surfaceType: String {
        let element = kind == .file ? "MultipartFile" : APISurface.spell(type)
        return isRepeated ? "[\(element)]" : required ? element : element + "?"
    }
}
