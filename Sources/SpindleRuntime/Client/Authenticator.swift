/// Applies a credential to a request builder according to the first scheme it fits.
enum Authenticator {
    static func apply(_ credential: Credential?, schemes: [SecurityScheme], to request: inout HTTPRequestBuilder) {
        guard let credential, let scheme = schemes.first(where: credential.fits) else { return }
        switch (scheme, credential) {
        case (.apiKey(let name, .header), .apiKey(let key)):
            request.headers.set(name, key)
        case (.apiKey(let name, .query), .apiKey(let key)):
            request.addQuery(name, key)
        case (.apiKey(let name, .cookie), .apiKey(let key)):
            request.addCookie(name, key)
        case (.bearer, .bearer(let token)):
            request.headers.set("Authorization", "Bearer \(token)")
        case (.basic, .basic(let username, let password)):
            request.headers.set("Authorization", "Basic \(credential.basicToken(username, password))")
        default:
            break
        }
    }
}
