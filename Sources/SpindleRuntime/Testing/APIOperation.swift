/// One operation of a generated client as a value: its call path, method, path template and documented success
/// status, typed by what the operation returns and the error body it throws.
///
/// Generated clients declare one for each operation under `<Client>.Operations`, along the same path as the
/// call (`StiggClient.Operations.customers.list` for `stigg.customers.list(...)`), so that a test can answer
/// the operation with a value of the right type (``StubTransport``): the compiler checks the answer's type.
public struct APIOperation<Response, ErrorBody>: Sendable, CustomStringConvertible {
    /// The operation as its call site spells it, such as `customers.integrations.list`.
    public let name: String
    /// The request method.
    public let method: HTTPMethod
    /// The path relative to the server URL, with `{name}` placeholders, e.g. `/api/v1/customers/{id}`.
    public let path: String
    /// The status of the success response the API documents, such as `201`; `200` when it documents a range.
    public let successStatus: Int

    /// Creates the description of an operation; generated code calls it, naming the types as arguments.
    public init(
        response: Response.Type = Response.self,
        errorBody: ErrorBody.Type = ErrorBody.self,
        name: String,
        method: HTTPMethod,
        path: String,
        successStatus: Int = 200
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.successStatus = successStatus
    }

    /// `customers.list (GET /api/v1/customers)`.
    public var description: String { "\(name) (\(method.rawValue) \(path))" }
}
