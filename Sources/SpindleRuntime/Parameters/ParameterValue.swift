/// The structure of a parameter value before it is serialized for a path, query, header or cookie.
///
/// OpenAPI styles differ only in how they spell these three shapes, so every parameter type reduces to one.
public indirect enum ParameterValue: Sendable, Hashable {
    /// A primitive in its canonical text form (`true`, `42`, `2025-01-01T00:00:00.000Z`).
    case text(String)
    /// An array.
    case list([ParameterValue])
    /// An object's properties, in the order they are to be serialized.
    case fields([ParameterField])
}

/// One property of an object-valued parameter.
public struct ParameterField: Sendable, Hashable {
    /// The property name.
    public var name: String
    /// The property value.
    public var value: ParameterValue

    /// Creates a property.
    public init(name: String, value: ParameterValue) {
        self.name = name
        self.value = value
    }
}

extension ParameterValue {
    /// Converts JSON into a parameter value; `null`s are dropped because OpenAPI parameters have no spelling
    /// for them (an absent value is omitted altogether).
    init?(json: JSONValue) {
        switch json {
        case .null:
            return nil
        case .bool(let value):
            self = .text(value ? "true" : "false")
        case .number(let number):
            self = .text(number.text)
        case .string(let string):
            self = .text(string)
        case .array(let elements):
            self = .list(elements.compactMap(ParameterValue.init(json:)))
        case .object(let object):
            self = .fields(object.compactMap { member in
                ParameterValue(json: member.value).map { ParameterField(name: member.key, value: $0) }
            })
        }
    }

    /// A flat text for contexts that cannot express nesting: lists comma-joined, objects as `key,value` pairs.
    var flattenedText: String {
        switch self {
        case .text(let text): text
        case .list(let values): values.map(\.flattenedText).joined(separator: ",")
        case .fields(let fields): fields.map { "\($0.name),\($0.value.flattenedText)" }.joined(separator: ",")
        }
    }
}
