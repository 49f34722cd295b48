/// Writes `EmbeddedTemplates.swift`, the compiled-in copy of `Templates/`.
///
/// The copy is checked in so that Spindle builds without a build-tool plugin; a test fails when
/// it differs from `Templates/`, and `swift run spindle embed-templates` rewrites it.
public enum EmbeddedTemplatesWriter {
    /// The Swift source for `sources` (template name -> text).
    public static func source(for sources: [String: String]) -> String {
        var text = """
            // Generated from Templates/ by `swift run spindle embed-templates`. Do not edit.
            // swift-format-ignore-file

            /// The templates shipped with Spindle, compiled in so every way of running the tool finds them.
            enum EmbeddedTemplates {
                static let sources: [String: String] = [

            """
        for name in sources.keys.sorted() {
            text += "        \"\(name)\": #\"\"\"\n\(sources[name]!)\"\"\"#,\n"
        }
        text += "    ]\n}\n"
        return text
    }
}
