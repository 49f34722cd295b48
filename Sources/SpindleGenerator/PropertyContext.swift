import Mustache

/// One property of an object as `object.mustache` reads it.
///
/// A typed context, read through swift-mustache's ``MustacheParent``, where the other contexts are
/// `[String: Any]`: properties are the most numerous context (8,479 in Stripe's `spec3.yaml`), and building and
/// freeing a dictionary for each was most of what this saves (3.3% of Stripe's generation instructions;
/// BENCHMARKS.md). An absent value is rendered as `false`, never `nil`: mustache looks a `nil` key up in
/// the enclosing contexts, which would leak the object's values into the property.
struct PropertyContext: MustacheParent {
    var escapedName: String
    /// Where the value is stored: the property itself, or the storage under a deprecated computed property.
    var storedName: String
    /// `@available(*, deprecated…)` for a deprecated property, else nil.
    var availability: String?
    var parameterName: String
    var argumentName: String
    var swiftType: String
    /// The property wrapper that boxes the value (`Indirect`), or nil when it is stored inline.
    var wrapper: String?
    var docs: [String]
    /// The initializer parameter's default (`nil`, `.absent`), or nil for a required property.
    var defaultArgument: String?
    var jsonLiteral: String
    var decodeStatement: String
    var encodeStatement: String

    func child(named name: String) -> Any? {
        switch name {
        case "escapedName": escapedName
        case "storedName": storedName
        case "availability": availability ?? false
        case "parameterName": parameterName
        case "argumentName": argumentName
        case "swiftType": swiftType
        case "wrapper": wrapper ?? false
        case "docs": docs
        case "defaultArgument": defaultArgument ?? false
        case "jsonLiteral": jsonLiteral
        case "decodeStatement": decodeStatement
        case "encodeStatement": encodeStatement
        default: nil
        }
    }
}
