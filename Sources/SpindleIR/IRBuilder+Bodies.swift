import SpindleOpenAPI
import SpindleYAML

extension IRBuilder {
    /// The request body an operation sends: JSON when the spec offers it, then a form, a multipart form, bytes.
    /// A body Spindle cannot encode as its media type says goes out as bytes with a warning, never as JSON.
    func requestBody(_ body: RequestBody, baseName: String, owner: String) -> IRRequestBody? {
        let named = body.content.map { (media: $0, name: MediaTypeName($0.contentType)) }
        let choice = named.first { $0.name?.description == "application/json" }
            ?? named.first { $0.name?.isFormURLEncoded == true }
            ?? named.first { $0.name?.isMultipartFormData == true }
            ?? named.first { $0.name?.description == "application/octet-stream" }
            ?? named.first { $0.name?.isJSON == true }
            ?? named.first
        guard let (media, name) = choice else { return nil }
        func make(_ kind: IRBodyKind, _ type: IRTypeRef) -> IRRequestBody {
            IRRequestBody(contentType: media.contentType, type: type, required: body.required, description: body.description, kind: kind)
        }
        func typed() -> IRTypeRef {
            media.schema.map { typeRef($0, context: NameContext(parent: nil, suggested: baseName + "Request")).type } ?? .data
        }
        switch bodyKind(of: media, name: name) {
        case .json: return make(.json, typed())
        case .form: return make(.form, typed())
        case .multipart:
            guard name?.isMultipartFormData == true else {
                report(.warning(
                    .unsupportedBody, "'\(media.contentType)' request bodies are not generated as parts; sent as bytes (HTTPBody)",
                    at: media.keyLocation ?? media.location))
                return make(.binary, .data)
            }
            return make(.multipart, multipartForm(media, suggested: baseName + "Form", owner: owner).map { .named($0) } ?? .data)
        default:
            return make(.binary, .data)
        }
    }

    /// A documented response. Success responses are read by what their media type is; error responses are
    /// decoded from JSON as before.
    func response(_ response: Response, baseName: String, owner: String) -> IRResponse {
        let media = response.content.first { MediaTypeName($0.contentType)?.isJSON == true } ?? response.content.first
        let isSuccess = response.statusCode.map { (200..<300).contains($0) } ?? (response.status == "2XX")
        var result = IRResponse(
            status: response.status, contentType: media?.contentType, type: nil, description: response.description,
            mediaTypes: response.content.map(\.contentType))
        guard let media else { return result }
        let suffix = isSuccess ? "Response" : "Error" + response.status.capitalized
        func typed(_ schema: Schema?, _ suggested: String) -> IRTypeRef? {
            schema.map { typeRef($0, context: NameContext(parent: nil, suggested: suggested)).type }
        }
        guard isSuccess else {
            result.type = typed(media.schema, baseName + suffix)
            return result
        }
        let name = MediaTypeName(media.contentType)
        result.kind = bodyKind(of: media, name: name)
        switch result.kind {
        case .json, .form:
            result.kind = .json
            result.type = typed(media.schema, baseName + suffix)
        case .serverSentEvents:
            result.type = eventDataType(media, suggested: baseName + "Event")
        case .jsonLines, .jsonSequence:
            let item = media.itemSchema ?? media.schema
            result.type = item.flatMap { isFreeForm($0) ? nil : typed($0, baseName + "Item") }
        case .multipart:
            result.type = multipartForm(media, suggested: baseName + "ResponseForm", owner: owner).map { .named($0) }
        case .binary:
            result.type = nil
        }
        return result
    }

    /// How a body of this media type is written or read. A wildcard or unreadable media type with a schema
    /// that is not bytes is JSON, as servers that write `*/*` mean; other types whose schema is more than bytes
    /// are bytes with a warning (Spindle encodes no XML, no CSV).
    private func bodyKind(of media: MediaType, name: MediaTypeName?) -> IRBodyKind {
        guard let name else { return isBytes(media.schema) ? .binary : .json }
        if name.isJSON { return .json }
        if name.isFormURLEncoded { return .form }
        if name.isMultipart { return .multipart }
        if name.isEventStream { return .serverSentEvents }
        if name.isJSONLines { return .jsonLines }
        if name.isJSONSequence { return .jsonSequence }
        if name.admitsJSON && !isBytes(media.schema) { return .json }
        if !isBytes(media.schema) {
            report(.warning(
                .unsupportedBody, "'\(media.contentType)' bodies are sent and returned as bytes (HTTPBody); the schema is not applied",
                at: media.keyLocation ?? media.location))
        }
        return .binary
    }

    /// The type of each Server-Sent Event's data, or `nil` for text.
    ///
    /// OpenAPI 3.2's `itemSchema` describes an event: its `data` property gives the data (`contentSchema`
    /// beside `contentMediaType: application/json` is the JSON inside the text; a plain string is text). An
    /// `itemSchema` without `data`, or else the media type's `schema`, is the data's type itself, as specs
    /// written before 3.2 mean it; a string schema means text.
    private func eventDataType(_ media: MediaType, suggested: String) -> IRTypeRef? {
        let context = NameContext(parent: nil, suggested: suggested)
        if let item = media.itemSchema, let resolved = loader.resolve(item),
            let data = resolved.properties.first(where: { $0.name == "data" })?.schema
        {
            let dataResolved = loader.resolve(data) ?? data
            if dataResolved.node["contentSchema"] != nil,
                let content = loader.schema(at: Reference(
                    file: dataResolved.origin.file, pointer: dataResolved.origin.pointer.appending("contentSchema"),
                    location: dataResolved.location))
            {
                return typeRef(content, context: context).type
            }
            return isBytes(data) ? nil : typeRef(data, context: context).type
        }
        guard let schema = media.itemSchema ?? media.schema, !isBytes(schema) else { return nil }
        return typeRef(schema, context: context).type
    }

    /// Whether a body schema describes no more than bytes or text: none, `{}`, or a string of any format.
    func isBytes(_ schema: Schema?) -> Bool {
        guard let schema else { return true }
        guard let resolved = loader.resolve(schema) else { return true }
        return resolved.nonNullTypes == [.string] || isFreeForm(resolved)
    }

    /// Whether a schema constrains nothing a type could show (`{}`, annotations only).
    func isFreeForm(_ schema: Schema) -> Bool {
        guard let resolved = loader.resolve(schema) else { return true }
        return resolved.nonNullTypes.isEmpty && resolved.properties.isEmpty && resolved.items == nil && resolved.oneOf.isEmpty
            && resolved.anyOf.isEmpty && resolved.allOf.isEmpty && resolved.enumValues == nil && resolved.constValue == nil
            && { if case .schema = resolved.additionalProperties { false } else { true } }()
    }
}
