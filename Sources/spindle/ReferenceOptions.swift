import ArgumentParser

/// Which files a spec's `$ref`s may read, for the commands that load specs.
struct ReferenceOptions: ParsableArguments {
    @Option(
        name: .customLong("spec-root"),
        help: ArgumentHelp(
            "A folder whose files $refs may also read; by default they may read only files in the spec's own folder.",
            valueName: "dir"))
    var specRoot: String?

    @Flag(
        name: .customLong("allow-external-refs"),
        help: "Let $refs read any file (as `allowExternalRefs: true` in a vendor's spindle.yaml does). Remote (http) refs are never fetched.")
    var allowExternalRefs = false
}
