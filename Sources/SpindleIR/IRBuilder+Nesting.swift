import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The deepest arrays and maps may nest in one generated type expression (`[[String: [Int]]]` is 3).
    ///
    /// The Swift compiler takes time exponential in the nesting to type-check an array type written in
    /// an expression (`[[[String]]].self`, which generated decoders write). For a one-property module on
    /// the 2-core machine: 0.31 s of CPU at 1 level, 0.33 s at 12, 0.44 s at 16, then doubling per level
    /// (20: 2.4 s, 22: 8.5 s; the issue measured 18–29 s at 24 and over 300 s at 32); an
    /// `OptionalValue` around it adds a level. At twelve a property costs what a flat one does, with
    /// room to spare, and no document of the corpus nests more than three. docs/ROBUSTNESS.md has the
    /// measurements.
    public static let maxTypeNesting = 12

    /// Which container a schema is typed as.
    enum Container {
        /// `[Element]`
        case array
        /// `[String: Element]`
        case map
    }

    /// The type of `schema`, an array or a map of `element` (free-form JSON when `nil`), one level deeper
    /// than the expression it is part of. A container beyond ``maxTypeNesting`` is free-form JSON, with a
    /// warning at its schema; a named type starts a new expression (see ``defineType(_:from:isComponent:)``).
    func container(_ schema: Schema, _ kind: Container, of element: Schema?, context: NameContext) -> IRTypeRef {
        guard typeNesting < Self.maxTypeNesting else {
            report(.warning(
                .typeNesting,
                "arrays and maps nested more than \(Self.maxTypeNesting) levels deep take the Swift compiler exponentially long to type-check; from here on the value is typed as free-form JSON",
                at: schema.location))
            return .json
        }
        typeNesting += 1
        defer { typeNesting -= 1 }
        switch kind {
        case .array:
            return .array(element.map { typeRef($0, context: context.child(SwiftNaming.singular(context.suggested))).type } ?? .json)
        case .map:
            return .map(element.map { typeRef($0, context: context.child(context.suggested + "Value")).type } ?? .json)
        }
    }
}
