import Foundation

/// What a ``StubTransport`` answers an operation with, typed by the operation: a value, a documented error
/// body with its status, a network failure, or a response written by hand.
///
/// Values and error bodies are encoded as JSON and go back through the client's own decoding, so an answer
/// that the operation's documented schema would reject fails the call as the server's would.
public enum StubResponse<Response, ErrorBody> {
    /// A success: `value` encoded as JSON (`Data` as the raw body), with the operation's documented success
    /// status unless `status` says otherwise.
    case value(Response, status: Int? = nil, headers: HTTPHeaders = [:])
    /// An error response: `body` encoded as JSON, with `status`; the call throws `ClientError.api` with the
    /// body as the client decodes it for that status.
    case error(ErrorBody, status: Int, headers: HTTPHeaders = [:])
    /// A network failure; the client retries it as it would a real one.
    case failure(TransportError)
    /// A response as is, for bodies that are not JSON (bytes, event streams) or malformed on purpose.
    case response(HTTPResponse)
}

extension StubResponse: Sendable where Response: Sendable, ErrorBody: Sendable {}

extension StubResponse where Response == Void {
    /// A success without a body, with the operation's documented success status.
    public static var success: Self { .value(()) }
}

extension StubResponse {
    /// The response to hand the client, with `encode` writing a success value's body.
    func httpResponse(
        successStatus: Int,
        encodeValue: (Response) throws -> Data?,
        encodeError: (ErrorBody) throws -> Data
    ) throws -> HTTPResponse {
        switch self {
        case .value(let value, let status, let headers):
            return stubHTTPResponse(status: status ?? successStatus, headers: headers, body: try encodeValue(value))
        case .error(let body, let status, let headers):
            return stubHTTPResponse(status: status, headers: headers, body: try encodeError(body))
        case .failure(let error):
            throw error
        case .response(let response):
            return response
        }
    }
}

/// A response with `body`, labelled JSON unless `headers` name another type or there is no body.
func stubHTTPResponse(status: Int, headers: HTTPHeaders = [:], body: Data?) -> HTTPResponse {
    var headers = headers
    if body != nil, !headers.contains("Content-Type") { headers.set("Content-Type", "application/json") }
    return HTTPResponse(status: status, headers: headers, body: body ?? Data())
}

/// The JSON the server would send for `value`; `Data` is sent as is, as the client returns raw bodies as `Data`.
func stubBody(_ value: some Encodable) throws -> Data {
    if let data = value as? Data { return data }
    return try JSONCoding.encode(value)
}
