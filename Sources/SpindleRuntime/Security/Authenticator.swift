/// Decides which of an operation's security requirements a request satisfies with the client's credentials,
/// fetches access tokens, and puts the credentials on the request.
///
/// Requirements are alternatives (OR): the first whose schemes all have a credential is applied, every one of
/// its schemes (AND). An empty requirement among them makes credentials optional: it is used only when no
/// other is satisfied. When none is, the schemes of the closest requirement that the client has credentials
/// for are applied anyway, and the request must carry a satisfying set by the time it reaches the transport
/// (a default header or a middleware may add the rest; ``CredentialRequirement``).
struct Authenticator: Sendable {
    /// One scheme of the chosen requirement, with the credential the client applies.
    struct Application: Sendable {
        let name: String
        let scheme: SecurityScheme
        let credential: Credential
    }

    /// The schemes applied, in the requirement's order.
    let applications: [Application]
    /// The requirements, none satisfied, that the check at the transport tries again on the request as it is
    /// then, with their schemes (a requirement naming a scheme the client does not know is left out: nothing
    /// can satisfy it); `nil` when the request may go out as it is.
    let unsatisfied: [[ClientSecurityScheme]]?

    /// Plans `requirements` against the client's `schemes`, by name. A requirement naming a scheme the client
    /// does not know cannot be satisfied by the client's credentials.
    init(requirements: [SecurityRequirement], schemes: [String: ClientSecurityScheme]) {
        func applications(_ requirement: SecurityRequirement) -> [Application] {
            requirement.schemes.compactMap { name in
                guard let scheme = schemes[name], let credential = scheme.credential else { return nil }
                return Application(name: name, scheme: scheme.scheme, credential: credential)
            }
        }
        let candidates = requirements.filter { !$0.schemes.isEmpty }
        if let satisfied = candidates.first(where: { applications($0).count == $0.schemes.count }) {
            self.applications = applications(satisfied)
            unsatisfied = nil
        } else if candidates.count < requirements.count {
            // An empty requirement: the operation may go out without credentials.
            self.applications = []
            unsatisfied = nil
        } else {
            // The closest requirement (most schemes with a credential, the first of equals) goes out with what the
            // client has, and the transport check decides.
            let closest = candidates.enumerated().max { lhs, rhs in
                let (left, right) = (applications(lhs.element).count, applications(rhs.element).count)
                return left != right ? left < right : lhs.offset > rhs.offset
            }
            self.applications = closest.map { applications($0.element) } ?? []
            unsatisfied = candidates.isEmpty ? nil : candidates.compactMap { requirement in
                let known = requirement.schemes.compactMap { schemes[$0] }
                return known.count == requirement.schemes.count ? known : nil
            }
        }
    }

    /// Whether an access token provider supplies one of the credentials, so a 401 is worth one refresh.
    var usesAccessTokens: Bool {
        applications.contains { if case .accessToken = $0.credential { true } else { false } }
    }

    /// The credentials with access tokens fetched: asks each provider for a token, passing the token it gave
    /// before as rejected when `rejected` has one (after a 401). Throws what a provider throws, or
    /// ``AccessTokenProviderError/emptyToken`` for an empty token, with the scheme's name.
    func resolved(rejecting rejected: [String: String] = [:]) async throws(AccessTokenProviderError) -> [Application] {
        var resolved: [Application] = []
        for application in applications {
            guard case .accessToken(let provider) = application.credential else {
                resolved.append(application)
                continue
            }
            let request = AccessTokenRequest(scheme: application.name, rejectedToken: rejected[application.name])
            let token: String
            do {
                token = try await provider.token(for: request)
            } catch {
                throw AccessTokenProviderError(scheme: application.name, underlying: error)
            }
            guard !token.isEmpty else { throw AccessTokenProviderError(scheme: application.name, underlying: nil) }
            resolved.append(Application(name: application.name, scheme: application.scheme, credential: .bearer(token)))
        }
        return resolved
    }

    /// The tokens of `applications` (resolved) by scheme name, as the next refresh passes them back as rejected.
    static func tokens(_ applications: [Application]) -> [String: String] {
        var tokens: [String: String] = [:]
        for application in applications {
            if case .bearer(let token) = application.credential { tokens[application.name] = token }
        }
        return tokens
    }

    /// Puts resolved credentials on `request`.
    static func apply(_ applications: [Application], to request: inout HTTPRequestBuilder) {
        for application in applications {
            switch (application.scheme, application.credential) {
            case (.apiKey(let name, .header), .apiKey(let key)):
                request.headers.set(name, key)
            case (.apiKey(let name, .query), .apiKey(let key)):
                request.addQuery(name, key)
            case (.apiKey(let name, .cookie), .apiKey(let key)):
                request.addCookie(name, key)
            case (.bearer, .bearer(let token)):
                request.headers.set("Authorization", "Bearer \(token)")
            case (.basic, .basic(let username, let password)):
                request.headers.set("Authorization", "Basic \(application.credential.basicToken(username, password))")
            default:
                break
            }
        }
    }
}

/// An access token provider threw, or returned an empty token.
struct AccessTokenProviderError: Error {
    /// The scheme the token was for.
    let scheme: String
    /// What the provider threw; `nil` for an empty token.
    let underlying: (any Error)?
}
