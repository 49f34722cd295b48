/// A multipart form (`multipart/form-data`): each property of its schema is a part.
public struct IRMultipartForm: Sendable {
    public var parts: [IRFormPart]
}

/// One part of a multipart form, or the repeated parts of an array property.
public struct IRFormPart: Sendable {
    /// How the part's content is written.
    public enum Kind: String, Sendable, Hashable {
        /// A value as text: strings, numbers, booleans, dates, enums.
        case text
        /// A value as JSON: objects, arrays of arrays, unions, free-form values.
        case json
        /// A file: bytes with a file name and a media type.
        case file
    }

    /// The part name (the property's name in the schema).
    public var name: String
    /// The Swift property name, unique within the form.
    public var swiftName: String
    public var kind: Kind
    /// The value's type; for a repeated part, each element's. `.data` for files.
    public var type: IRTypeRef
    /// An array property: one part per element.
    public var isRepeated: Bool
    public var required: Bool
    /// The media type the part is sent with: the encoding's `contentType` (the first, when it lists
    /// several), or a file schema's `contentMediaType`.
    public var contentType: String?
    /// The header fields the encoding documents for the part.
    public var headers: [String]
    public var description: String?
}
