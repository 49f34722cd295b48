import Foundation
import SpindleOpenAPI
import SpindleYAML

/// The spec of a mocked API could not be loaded; `diagnostics` holds the errors.
public struct MockLoadError: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Every diagnostic, one per line, in compiler style.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension MockAPI {
    /// Loads the OpenAPI documents of a vendor folder (or one spec file) and turns every
    /// operation into a route answering with its documented example.
    ///
    /// An operation answers with its first 2xx response: the first example of its JSON content,
    /// with the response's status; no body when the response has no content; and a 501 JSON
    /// message when the response has content but no example (or there is no 2xx response).
    ///
    /// - Parameters:
    ///   - path: A folder of OpenAPI documents, merged like `spindle generate` merges them, or one file.
    ///   - name: The name to serve under; by default the last path component.
    public static func load(_ path: String, name: String? = nil) throws(MockLoadError) -> MockAPI {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MockLoadError(diagnostics: [.error("no spec at '\(path)'", at: nil)])
        }
        let loader = SpecLoader()
        // What a reference reads is served over HTTP: only files of the spec's own folder.
        loader.referenceScope = .inside([isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent])
        let api = isDirectory.boolValue ? loader.loadFolder(path) : loader.loadAPI(fragments: [path])
        guard let api, !loader.diagnostics.hasErrors else {
            throw MockLoadError(diagnostics: loader.diagnostics.sorted.filter { $0.severity == .error })
        }
        let json = ExampleJSON(loader: loader)
        let routes = api.operations.map { operation in
            MockRoute(
                method: operation.method.rawValue, path: operation.path, operationId: operation.operationId,
                response: cannedResponse(for: operation, json: json))
        }
        let name = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return MockAPI(name: name, routes: routes, basePaths: basePaths(of: api.servers))
    }

    /// The canned response of one operation.
    static func cannedResponse(for operation: SpindleOpenAPI.Operation, json: ExampleJSON) -> MockResponse {
        let label = "\(operation.method.rawValue.uppercased()) \(operation.path)"
        guard let success = operation.responses.first(where: { $0.status.hasPrefix("2") }) else {
            return .message("no documented 2xx response for \(label)", status: 501)
        }
        let status = success.statusCode ?? 200
        if success.content.isEmpty { return MockResponse(status: status, body: Data(), contentType: nil) }
        let withExamples = success.content.filter { !$0.examples.isEmpty }
        guard
            let media = withExamples.first(where: { $0.contentType.lowercased().contains("json") })
                ?? withExamples.first,
            let example = media.examples.first
        else {
            return .message("no documented example for \(label)", status: 501)
        }
        let body = json.text(example.value, schema: media.schema)
        return MockResponse(status: status, body: Data(body.utf8), contentType: "application/json")
    }

    /// The non-root path of each server URL, variables replaced by their defaults, in order, once each.
    static func basePaths(of servers: [Server]) -> [String] {
        var paths: [String] = []
        for server in servers {
            var url = server.url
            for variable in server.variables {
                url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
            }
            if let scheme = url.range(of: "://") {
                let afterHost = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
                url = String(url[afterHost...])
            }
            let path = "/" + url.split(separator: "/").joined(separator: "/")
            if path != "/" && !paths.contains(path) { paths.append(path) }
        }
        return paths
    }
}
