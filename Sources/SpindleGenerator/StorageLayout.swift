import SpindleIR

/// Decides which properties of generated structs are stored out of line, behind one reference.
///
/// Swift lays a struct's struct-typed fields out inline, recursively, and the code the compiler
/// emits to copy, assign, destroy and compare a struct handles every reference-counted leaf of
/// that flattened layout. Stripe's request and object types nest inline schemas several levels
/// deep, so this code (value witnesses and outlined copies) was about 60% of the LLVM IR of its
/// generated module. A property whose generated type flattens to more than ``threshold``
/// references is therefore boxed (41% less IR in a sample of Stripe's files, see BENCHMARKS.md);
/// smaller values (an integer amount and its currency code) stay inline, where they cost no
/// allocation. Arrays and maps already hold their elements behind one reference.
struct StorageLayout: Sendable {
    /// The most reference-counted leaves a property's value may have and still be stored inline.
    static let threshold = 2

    private let leaves: [String: Int]

    init(types byPath: [String: IRType]) {
        var leaves: [String: Int] = [:]
        var visiting: Set<String> = []
        func count(_ key: String) -> Int {
            if let known = leaves[key] { return known }
            guard let type = byPath[key], visiting.insert(key).inserted else { return 1 }
            defer { visiting.remove(key) }
            let result: Int
            switch type.kind {
            case .object(let object):
                // `additionalProperties` is one dictionary reference.
                result = 1 + object.properties.reduce(0) { sum, property in
                    let inline = property.needsIndirection ? 1 : measure(property.type)
                    return sum + (Self.isBoxed(property, leaves: inline) ? 1 : inline)
                }
            case .union(let union):
                // A multi-payload enum: its copy code switches over every case.
                result = max(1, union.variants.count)
            case .enumeration(let enumeration):
                result = enumeration.rawType == .string ? 1 : 0
            case .alias(let target):
                result = measure(target)
            case .wrapper:
                // An array, a map or a boxed value: one reference.
                result = 1
            case .multipartForm:
                // Forms are parameters and results only; no other type stores one.
                result = 1
            }
            leaves[key] = result
            return result
        }
        func measure(_ type: IRTypeRef) -> Int {
            switch type {
            case .integer, .number, .boolean, .dateTime, .unixTime, .date: 0
            case .string, .data, .json, .array, .map: 1
            case .named(let path): count(path.joined(separator: "."))
            }
        }
        for key in byPath.keys.sorted() { _ = count(key) }
        self.leaves = leaves
    }

    /// Whether `property` is stored behind a reference: it closes a containment cycle, or its value
    /// is a generated type too large to store inline.
    ///
    /// A property wrapper's storage is named `_name`; no sibling can take that name, because property
    /// names start with `_` only before a digit (`_3ds`), and then the wrapped name itself starts with one.
    func storesOutOfLine(_ property: IRProperty) -> Bool {
        Self.isBoxed(property, leaves: property.type.directNamedKey.flatMap { leaves[$0] } ?? 0)
    }

    /// The one rule, for a property whose value flattens to `leaves` references.
    private static func isBoxed(_ property: IRProperty, leaves: Int) -> Bool {
        property.needsIndirection || (property.type.directNamedKey != nil && leaves > threshold)
    }

    /// The property wrapper that stores `property` out of line, for its presence.
    static func wrapper(for presence: IRPresence) -> String {
        switch presence {
        case .required: "Indirect"
        case .optional, .requiredNullable: "IndirectOptional"
        case .optionalNullable: "IndirectOptionalValue"
        }
    }
}

extension IRTypeRef {
    /// The key of the generated type a value of this type is, when it is one (not an array or map of them).
    var directNamedKey: String? {
        if case .named(let path) = self { path.joined(separator: ".") } else { nil }
    }
}
