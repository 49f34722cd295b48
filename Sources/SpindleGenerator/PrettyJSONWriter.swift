/// Writes JSON laid out the way `JSONEncoder` lays it out with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`, keys in `String` order), for
/// files that are written on every generation and reviewed in diffs.
///
/// `JSONEncoder` took a third of a second of serial time for Stripe's API surface; this writer
/// appends to one string.
struct PrettyJSONWriter {
    private(set) var text = ""
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isFirst = true

    mutating func string(_ value: String) {
        text += ExampleJSON.quoted(value)
    }

    /// An object with `members` in sorted key order.
    mutating func object<Value>(_ members: [String: Value], _ write: (inout PrettyJSONWriter, Value) -> Void) {
        object { writer in
            for key in members.keys.sorted() {
                writer.member(key) { write(&$0, members[key]!) }
            }
        }
    }

    /// An object whose members `body` writes with ``member(_:_:)``, in sorted key order.
    mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
        container(open: "{", close: "}", body)
    }

    mutating func array(_ elements: [String]) {
        container(open: "[", close: "]") { writer in
            for element in elements {
                writer.startElement()
                writer.string(element)
            }
        }
    }

    mutating func member(_ key: String, _ value: (inout PrettyJSONWriter) -> Void) {
        startElement()
        text += ExampleJSON.quoted(key)
        text += " : "
        value(&self)
    }

    private mutating func container(open: String, close: String, _ body: (inout PrettyJSONWriter) -> Void) {
        text += open
        let outerFirst = isFirst
        isFirst = true
        depth += 1
        body(&self)
        depth -= 1
        // An empty container still spans two lines, as `JSONEncoder` writes it.
        if isFirst { text += "\n" }
        newline()
        text += close
        isFirst = outerFirst
    }

    private mutating func startElement() {
        if !isFirst { text += "," }
        isFirst = false
        newline()
    }

    private mutating func newline() {
        text += "\n"
        for _ in 0..<depth { text += "  " }
    }
}
