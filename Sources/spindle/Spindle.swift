import ArgumentParser

@main
struct Spindle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spindle",
        abstract: "Generate Swift models and typed API clients from OpenAPI 3.0/3.1 documents.",
        discussion: """
            Spindle reads each vendor folder under specs/ (OpenAPI documents plus an optional \
            spindle.yaml config) and writes one Swift module per vendor under Generated/.

            Typical loop:
              swift run spindle generate           regenerate every vendor
              swift run spindle generate --check   fail if Generated/ is stale (for CI)
            """,
        subcommands: [Generate.self, Diff.self, Mock.self, EmbedTemplates.self],
        defaultSubcommand: Generate.self
    )
}
