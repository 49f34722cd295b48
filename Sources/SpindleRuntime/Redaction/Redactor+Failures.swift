/// Failures scrubbed of every secret before they reach the caller, so their descriptions, `dump` and
/// `String(reflecting:)` show none.
extension Redactor {
    func redacted(_ failure: DecodingFailure) -> DecodingFailure {
        DecodingFailure(
            message: text(failure.message),
            path: text(failure.path),
            status: failure.status,
            rawBody: failure.rawBody,
            request: failure.request
        )
    }

    func redacted(_ failure: EncodingFailure) -> EncodingFailure {
        EncodingFailure(message: text(failure.message), path: text(failure.path))
    }
}
