/// A media type as a `content` key or an encoding's `contentType` writes it, read for the decisions a
/// generator makes about a body: `type/subtype`, case-insensitive, parameters ignored.
public struct MediaTypeName: Sendable, Hashable, CustomStringConvertible {
    /// The lower-cased type, e.g. `application`; `*` for a wildcard.
    public let type: String
    /// The lower-cased subtype, e.g. `vnd.api+json`; `*` for a wildcard.
    public let subtype: String

    /// The media type `text` writes, or `nil` when it is none (see ``isMediaType(_:)``).
    public init?(_ text: String) {
        guard isMediaType(text) else { return nil }
        // `isMediaType` checked the shape: one `/` between two tokens, spaces around them only.
        let parts = text.prefix { $0 != ";" }.lowercased().split(separator: "/", maxSplits: 1)
        type = parts[0].filter { $0 != " " }
        subtype = parts[1].filter { $0 != " " }
    }

    /// `type/subtype`.
    public var description: String { "\(type)/\(subtype)" }

    /// `application/json` or a structured `+json` type (`application/problem+json`).
    public var isJSON: Bool { (type == "application" && subtype == "json") || subtype.hasSuffix("+json") }
    /// `application/x-www-form-urlencoded`.
    public var isFormURLEncoded: Bool { type == "application" && subtype == "x-www-form-urlencoded" }
    /// `multipart/form-data`.
    public var isMultipartFormData: Bool { type == "multipart" && subtype == "form-data" }
    /// Any `multipart/…` type.
    public var isMultipart: Bool { type == "multipart" }
    /// `text/event-stream` (Server-Sent Events).
    public var isEventStream: Bool { type == "text" && subtype == "event-stream" }
    /// JSON Lines: `application/jsonl`, `application/x-ndjson`, and the `jsonlines` spellings.
    public var isJSONLines: Bool {
        type == "application" && ["jsonl", "x-jsonl", "x-ndjson", "ndjson", "jsonlines", "x-jsonlines"].contains(subtype)
    }
    /// `application/json-seq` (RFC 7464).
    public var isJSONSequence: Bool { type == "application" && subtype == "json-seq" }
    /// A wildcard that admits JSON: `*/*` or `application/*`.
    public var admitsJSON: Bool { subtype == "*" && (type == "*" || type == "application") }
    /// Whether a value, not only bytes, may be written in this type: no wildcard.
    public var isConcrete: Bool { type != "*" && subtype != "*" }
}
