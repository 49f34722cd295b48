import Foundation

/// Everything that can go wrong with a call, typed by the API's error body.
///
/// Generated clients alias it: `public typealias StiggError = ClientError<StiggErrorBody>`. Descriptions
/// never contain credentials: URLs are redacted and echoed secrets are scrubbed from body previews and
/// underlying error messages.
public enum ClientError<APIErrorBody: Sendable>: Error, Sendable, CustomStringConvertible {
    /// The server answered with a non-2xx status.
    case api(APIErrorResponse<APIErrorBody>)
    /// The request could not be sent or the connection failed.
    case transport(TransportFailure)
    /// An attempt took longer than the configured timeout.
    case timeout(TimeoutFailure)
    /// The calling task was cancelled.
    case cancelled
    /// A 2xx response body did not match the expected type.
    case decoding(DecodingFailure)
    /// A parameter or body could not be encoded.
    case encoding(EncodingFailure)
    /// The response could not be interpreted at all.
    case invalidResponse(InvalidResponseFailure)
    /// Pagination could not continue (e.g. the server repeated a cursor).
    case pagination(PaginationFailure)
    /// A redirect was refused: to another origin, past the limit, or to an unusable `Location`.
    case redirect(RedirectFailure)
    /// The operation requires a credential and the client has none that fits; nothing was sent.
    case missingCredential(MissingCredentialFailure)
    /// The app's access token provider threw or returned no token; nothing was sent.
    case accessToken(AccessTokenFailure)
    /// The request had to be sent again (a retry, a 307/308 redirect) but its one-shot body stream was already
    /// sent.
    case bodyNotReplayable(BodyReplayFailure)

    /// The HTTP status, for API errors and decoding failures.
    public var status: Int? {
        switch self {
        case .api(let response): response.status
        case .decoding(let failure): failure.status
        default: nil
        }
    }

    /// The decoded error body, for API errors whose body matched a documented schema.
    public var errorBody: APIErrorBody? {
        if case .api(let response) = self { response.body } else { nil }
    }

    /// A one-line explanation without credentials.
    public var description: String {
        switch self {
        case .api(let response): response.description
        case .transport(let failure): failure.description
        case .timeout(let failure): failure.description
        case .cancelled: "The request was cancelled."
        case .decoding(let failure): failure.description
        case .encoding(let failure): failure.description
        case .invalidResponse(let failure): failure.description
        case .pagination(let failure): failure.description
        case .redirect(let failure): failure.description
        case .missingCredential(let failure): failure.description
        case .accessToken(let failure): failure.description
        case .bodyNotReplayable(let failure): failure.description
        }
    }

    /// The same error with another body type, for errors that carry no API body.
    ///
    /// API errors keep their status, headers and raw bytes; the body is dropped because it has another type.
    public func withBodyType<Other: Sendable>(_ type: Other.Type = Other.self) -> ClientError<Other> {
        switch self {
        case .api(let response): .api(response.withoutBody())
        case .transport(let failure): .transport(failure)
        case .timeout(let failure): .timeout(failure)
        case .cancelled: .cancelled
        case .decoding(let failure): .decoding(failure)
        case .encoding(let failure): .encoding(failure)
        case .invalidResponse(let failure): .invalidResponse(failure)
        case .pagination(let failure): .pagination(failure)
        case .redirect(let failure): .redirect(failure)
        case .missingCredential(let failure): .missingCredential(failure)
        case .accessToken(let failure): .accessToken(failure)
        case .bodyNotReplayable(let failure): .bodyNotReplayable(failure)
        }
    }
}

extension ClientError: LocalizedError {
    /// The same text as `description`, so `localizedDescription` is informative too.
    public var errorDescription: String? { description }
}
