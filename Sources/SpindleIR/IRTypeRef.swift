/// How a value is typed where it is used (a property, a parameter, a body).
public indirect enum IRTypeRef: Hashable, Sendable {
    case string
    /// `format: date-time`.
    case dateTime
    /// `format: date`: a calendar date without time.
    case date
    /// A number of milliseconds (or seconds) since 1970, surfaced as a date, and the JSON number it is.
    case unixTime(UnixTimeUnit, UnixTimeNumber)
    /// `format: byte` (base64) or `binary` request bodies.
    case data
    /// `type: integer`, with its declared width (`nil` for the platform width).
    case integer(bits: Int?)
    /// `type: number`: `float` or double.
    case number(isFloat: Bool)
    case boolean
    /// Free-form JSON.
    case json
    case array(IRTypeRef)
    /// An object whose values all have one type (`additionalProperties: schema`).
    case map(IRTypeRef)
    /// A generated type, by its path of names (`["Customer", "Integration"]` for a nested type).
    case named([String])

    /// Units for ``unixTime(_:_:)``.
    public enum UnixTimeUnit: String, Hashable, Sendable {
        case seconds, milliseconds
    }

    /// The JSON number of a ``unixTime(_:_:)``, from the schema's `type` and `format`: an integer that
    /// `format: int32` or `int64` (the default) bounds, or `type: number`, which allows fractions.
    public enum UnixTimeNumber: String, Hashable, Sendable {
        case int32, int64, number
    }

    /// The generated type this refers to, directly or as an element.
    public var namedPath: [String]? {
        switch self {
        case .named(let path): path
        case .array(let element), .map(let element): element.namedPath
        default: nil
        }
    }
}
