/// How a query parameter is serialized (OpenAPI `style` for `in: query`).
public enum QueryStyle: Sendable, Hashable {
    /// `name=a&name=b` when exploded, `name=a,b` when not (the OpenAPI default).
    case form
    /// `name=a%20b` when not exploded; exploded it is the same as `form`.
    case spaceDelimited
    /// `name=a%7Cb` when not exploded (the pipe is percent-encoded because it is not a legal URI character);
    /// exploded it is the same as `form`.
    case pipeDelimited
    /// `name%5Bkey%5D=value` for object properties, nested as `name[a][b]`, arrays as repeated keys.
    ///
    /// Brackets are percent-encoded (RFC 3986 reserves them for IP literals). Every mainstream framework
    /// (Rails/Rack, Express `qs`, PHP, Django, Spring) decodes the query before parsing brackets, and some
    /// servers (Tomcat's default `relaxedQueryChars`) reject literal brackets, so encoding is the safe choice.
    case deepObject
}

/// How a path parameter is serialized (OpenAPI `style` for `in: path`).
public enum PathStyle: Sendable, Hashable {
    /// `a,b` (the OpenAPI default); objects as `k,v,k,v` or, exploded, `k=v,k=v`.
    case simple
    /// `.a.b` exploded or `.a,b` not exploded.
    case label
    /// `;name=a;name=b` exploded or `;name=a,b` not exploded.
    case matrix
}
