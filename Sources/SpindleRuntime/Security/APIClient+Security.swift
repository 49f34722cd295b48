extension APIClient {
    /// The plan for `builder`'s credentials: its own requirements, else the schemes it lists (any one of
    /// them), else the client's default requirements.
    func authenticator(for builder: HTTPRequestBuilder) -> Authenticator {
        var schemes: [String: ClientSecurityScheme] = [:]
        for scheme in securitySchemes where schemes[scheme.name] == nil { schemes[scheme.name] = scheme }
        let optional: [SecurityRequirement] = builder.isSecurityOptional ? [[]] : []
        let requirements: [SecurityRequirement]
        if let named = builder.securityRequirements {
            requirements = named
        } else if let listed = builder.security {
            let named = listed.map { scheme -> SecurityRequirement in
                if let known = securitySchemes.first(where: { $0.scheme == scheme }) { return [known.name] }
                // A scheme the client was not made with: the client's one credential goes to it when it fits.
                var added = ClientSecurityScheme(unnamed: scheme, credential: credential, environmentVariable: credentialEnvironmentVariable)
                while let taken = schemes[added.name], taken.scheme != scheme { added = added.renamed(added.name + "'") }
                schemes[added.name] = added
                return [added.name]
            }
            requirements = named.isEmpty ? [] : named + optional
        } else {
            requirements = defaultSecurity.isEmpty ? [] : defaultSecurity + optional
        }
        return Authenticator(requirements: requirements, schemes: schemes)
    }

    /// What is missing when no requirement of the plan is satisfied; `nil` when the request may go out as it is.
    func credentialRequirement(_ plan: Authenticator, summary: RequestSummary) -> CredentialRequirement? {
        guard let unsatisfied = plan.unsatisfied else { return nil }
        let alternatives = unsatisfied.map { $0.map(\.scheme) }
        var variables: [String] = []
        for scheme in unsatisfied.joined() where scheme.credential == nil {
            if let variable = scheme.environmentVariable, !variables.contains(variable) { variables.append(variable) }
        }
        let unfitting = credential.map { credential in !alternatives.joined().contains(where: credential.fits) } ?? false
        var missing: [SecurityScheme] = []
        for scheme in unsatisfied.joined() where scheme.credential == nil && !missing.contains(scheme.scheme) {
            missing.append(scheme.scheme)
        }
        return CredentialRequirement(failure: MissingCredentialFailure(
            request: summary, alternatives: alternatives, environmentVariables: variables, hasUnfittingCredential: unfitting,
            missingSchemes: missing
        ))
    }

    /// The plan's credentials with access tokens fetched (`rejecting` the tokens a 401 refused), or the typed
    /// error for a provider that failed. `summary` names the request in that error; `operation` and `started`
    /// are the call's, for the log.
    func resolveCredentials<ErrorBody>(
        _ plan: Authenticator,
        rejecting rejected: [String: String] = [:],
        summary: @autoclosure () -> RequestSummary,
        operation: String?,
        started: ContinuousClock.Instant,
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> [Authenticator.Application] {
        do {
            return try await plan.resolved(rejecting: rejected)
        } catch {
            if error.underlying is CancellationError || Task.isCancelled { throw .cancelled }
            let redactor = Redactor(
                schemes: security, secrets: credentialSecrets + rejected.values,
                extraHeaderNames: configuration.redactedHeaderNames, extraQueryNames: configuration.redactedQueryNames
            )
            let failure = AccessTokenFailure(
                request: summary(), scheme: error.scheme, message: error.underlying.map { redactor.text("\($0)") },
                isRefresh: !rejected.isEmpty
            )
            configuration.logger?(LogEvent(
                kind: .failure, request: failure.request, attempt: 1, operation: operation, duration: .now - started,
                message: failure.description
            ))
            throw .accessToken(failure)
        }
    }
}

extension ClientSecurityScheme {
    /// The same scheme under another name.
    func renamed(_ name: String) -> ClientSecurityScheme {
        ClientSecurityScheme(name: name, scheme: scheme, credential: credential, environmentVariable: environmentVariable)
    }
}
