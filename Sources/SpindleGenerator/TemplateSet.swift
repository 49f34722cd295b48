import Foundation
import Mustache

/// The mustache templates Swift source is rendered from.
///
/// The templates in the repository's `Templates/` folder are compiled into the tool
/// (``EmbeddedTemplates``), so a copied `spindle` binary or the SwiftPM plugin finds them without
/// being told where they are. A user folder overrides them file by file.
public struct TemplateSet: Sendable {
    /// Template text by name (the file name without `.mustache`).
    public private(set) var sources: [String: String]

    /// The templates shipped with Spindle.
    public static var builtIn: TemplateSet { TemplateSet(sources: EmbeddedTemplates.sources) }

    /// Creates a set from template texts.
    public init(sources: [String: String]) { self.sources = sources }

    /// Reads every `*.mustache` file of `directory`, sorted by name.
    public static func read(directory: String) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        var sources: [String: String] = [:]
        for name in names {
            sources[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        return sources
    }

    /// This set with the templates of `directory` replacing ours of the same name.
    ///
    /// A file whose name matches no shipped template is an error: it is most likely a typo that
    /// would otherwise be ignored silently.
    public func overriding(with directory: String) throws -> TemplateSet {
        var result = self
        for (name, text) in try Self.read(directory: directory) {
            guard sources[name] != nil else {
                throw TemplateError("\(directory)/\(name).mustache overrides no template; known templates: \(sources.keys.sorted().joined(separator: ", "))")
            }
            result.sources[name] = text
        }
        return result
    }

    /// Parses every template into a library that resolves partials by name.
    func library() throws -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError("template '\(name)' does not parse: \(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }
}

/// A template that cannot be used.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
