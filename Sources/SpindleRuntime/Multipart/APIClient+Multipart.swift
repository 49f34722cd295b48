import Foundation

extension APIClient {
    /// The most bytes of a multipart response read into a form by default: 64 MiB.
    public static let defaultMultipartResponseLimit = 64 * 1024 * 1024

    /// Sends `request` and reads the `multipart/form-data` (or `multipart/mixed`) response into `Form`, part by
    /// part as it arrives; at most `maxBytes` of parts are kept. Errors are those of `sendStreaming`, and
    /// `.decoding` for a body that is no multipart body of the boundary its `Content-Type` names, or a part
    /// that does not decode (its path starts with the part's name).
    public func sendMultipart<Form: MultipartFormCodable, ErrorBody: Sendable>(
        _ request: HTTPRequestBuilder,
        as type: Form.Type = Form.self,
        maxBytes: Int = defaultMultipartResponseLimit,
        options: RequestOptions = .init(),
        errors: (HTTPResponse) throws -> ErrorBody?
    ) async throws(ClientError<ErrorBody>) -> Form {
        let (response, exchange) = try await openStream(accepting("multipart/form-data", request), options: options, errors: errors)
        let contentType = response.headers["Content-Type"] ?? ""
        guard let boundary = HeaderParameters(contentType)["boundary"], !boundary.isEmpty else {
            throw .decoding(exchange.redactor.redacted(DecodingFailure(
                message: "The response is no multipart body: its Content-Type \"\(contentType)\" names no boundary.", path: "",
                status: response.status, rawBody: Data(), request: exchange.request)))
        }
        var form = MultipartForm()
        form.makeDecoder = configuration.makeJSONDecoder
        var total = 0
        do {
            for try await part in response.body.multipartParts(boundary: boundary, maxPartBytes: maxBytes) {
                total += part.receivedBytes?.count ?? 0
                guard total <= maxBytes else {
                    throw ClientError<ErrorBody>.decoding(exchange.redactor.redacted(DecodingFailure(
                        message: "The parts hold more than the limit of \(maxBytes) bytes.", path: "", status: response.status,
                        rawBody: Data(), request: exchange.request)))
                }
                form.parts.append(part)
            }
        } catch let error as ClientError<ErrorBody> {
            throw error
        } catch let error as StreamDecodingError {
            throw exchange.streamItemFailure(error)
        } catch {
            throw exchange.streamFailure(error)
        }
        do {
            return try Form(form: form)
        } catch {
            throw .decoding(exchange.redactor.redacted(DecodingFailure(
                message: error.message, path: error.path, status: response.status, rawBody: error.rawBody, request: exchange.request)))
        }
    }
}
