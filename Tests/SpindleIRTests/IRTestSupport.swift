import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// A document holding only `components.schemas`: `schemas` is written without indentation.
func schemasDocument(_ schemas: String, openapi: String = "3.1.0") -> String {
    let indented = schemas.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    return """
        openapi: \(openapi)
        info: {title: Shop, version: 1.0.0}
        paths: {}
        components:
          schemas:
        \(indented)
        """
}

/// The IR of an in-memory spec, with every diagnostic.
struct Built {
    let module: IRModule
    let loader: SpecLoader

    /// Every diagnostic (load and IR), sorted, as the command line prints them.
    var diagnostics: [String] { loader.diagnostics.sorted.map(\.description) }

    /// Every type, nested ones included, depth first.
    var allTypes: [IRType] {
        func flatten(_ type: IRType) -> [IRType] { [type] + type.nested.flatMap(flatten) }
        return module.types.flatMap(flatten)
    }

    /// The type at a dotted path such as `Customer.Status`.
    func type(_ path: String) throws -> IRType {
        var candidates = module.types
        var found: IRType?
        for name in path.split(separator: ".") {
            found = candidates.first { $0.name == name }
            candidates = found?.nested ?? []
        }
        return try #require(found, "no type \(path) in \(allTypes.map { $0.path.joined(separator: ".") })")
    }

    func object(_ path: String) throws -> IRObject {
        guard case .object(let object) = try type(path).kind else {
            Issue.record("\(path) is \(try type(path).kind), not an object")
            throw Failure()
        }
        return object
    }

    func enumeration(_ path: String) throws -> IREnum {
        guard case .enumeration(let enumeration) = try type(path).kind else {
            Issue.record("\(path) is \(try type(path).kind), not an enum")
            throw Failure()
        }
        return enumeration
    }

    func union(_ path: String) throws -> IRUnion {
        guard case .union(let union) = try type(path).kind else {
            Issue.record("\(path) is \(try type(path).kind), not a union")
            throw Failure()
        }
        return union
    }

    func property(_ jsonName: String, of path: String) throws -> IRProperty {
        try #require(try object(path).properties.first { $0.jsonName == jsonName }, "no property \(jsonName) in \(path)")
    }

    func operation(_ operationId: String) throws -> IROperation {
        try #require(module.operations.first { $0.operationId == operationId }, "no operation \(operationId)")
    }

    struct Failure: Error {}
}

/// Loads `files` (fragment `api.yaml`) and builds their IR with `config`.
func build(files: [String: String], config: VendorConfig = VendorConfig(module: "Shop"), lock: NameLock = NameLock()) throws -> Built {
    let loader = SpecLoader(fileReader: { path in files[path].map { Array($0.utf8) } })
    let api = try #require(loader.loadAPI(fragments: ["api.yaml"]), "\(loader.diagnostics.sorted)")
    let module = IRBuilder(api: api, loader: loader, config: config, lock: lock).build()
    return Built(module: module, loader: loader)
}

/// Builds the IR of the document `text`.
func build(_ text: String, config: VendorConfig = VendorConfig(module: "Shop"), lock: NameLock = NameLock()) throws -> Built {
    try build(files: ["api.yaml": text], config: config, lock: lock)
}

/// Builds the IR of a document holding only the given component schemas.
func build(schemas: String, openapi: String = "3.1.0", config: VendorConfig = VendorConfig(module: "Shop")) throws -> Built {
    try build(schemasDocument(schemas, openapi: openapi), config: config)
}
