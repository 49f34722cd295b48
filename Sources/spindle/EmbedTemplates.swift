import ArgumentParser
import Foundation
import SpindleGenerator

/// Rewrites the compiled-in copy of Templates/ (for Spindle's own developers).
struct EmbedTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed-templates",
        abstract: "Rewrite Sources/SpindleGenerator/EmbeddedTemplates.swift from Templates/.",
        shouldDisplay: false
    )

    func run() throws {
        let sources = try TemplateSet.read(directory: "Templates")
        let target = "Sources/SpindleGenerator/EmbeddedTemplates.swift"
        try EmbeddedTemplatesWriter.source(for: sources).write(toFile: target, atomically: true, encoding: .utf8)
        print("wrote \(target) (\(sources.count) templates)")
    }
}
