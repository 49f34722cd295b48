import Foundation
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Paths inside this repository, found from this file so tests run from any working directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func specs(_ vendor: String) -> String { root + "/specs/" + vendor }
}

/// A loader whose files live in memory: display path -> text. Paths not listed cannot be read.
func memoryLoader(_ files: [String: String]) -> SpecLoader {
    SpecLoader(fileReader: { path in files[path].map { Array($0.utf8) } })
}

/// The outcome of loading in-memory fragments.
struct Loaded {
    let loader: SpecLoader
    let api: APIDescription?

    /// Every diagnostic, sorted, as the command line prints them.
    var diagnostics: [String] { loader.diagnostics.sorted.map(\.description) }

    /// The component schema `name` of the merged API.
    func schema(_ name: String) throws -> Schema {
        let api = try #require(api)
        return try #require(api.schemas.first { $0.name == name }?.schema, "no schema \(name)")
    }

    /// The schema of property `property` of component schema `name`.
    func property(_ property: String, of name: String) throws -> Schema {
        let owner = try schema(name)
        return try #require(owner.properties.first { $0.name == property }?.schema, "no property \(property)")
    }
}

/// Loads `fragments` (default: `api.yaml`) from the in-memory `files` and merges them.
func load(_ files: [String: String], fragments: [String] = ["api.yaml"]) -> Loaded {
    let loader = memoryLoader(files)
    let api = loader.loadAPI(fragments: fragments)
    return Loaded(loader: loader, api: api)
}

/// Loads one document, `api.yaml`, from `text`.
func load(_ text: String) -> Loaded {
    load(["api.yaml": text])
}

/// Loads one document whose `components.schemas` are `schemas`, each entry written as it appears under
/// `schemas:` (indented by four spaces), for tests that generate many schemas.
func load(schemas: [String], openAPI: String = "3.1.0") -> Loaded {
    load("openapi: \(openAPI)\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas.joined(separator: "\n"))
}
