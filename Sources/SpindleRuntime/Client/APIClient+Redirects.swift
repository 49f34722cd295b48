import Foundation

extension APIClient {
    /// One attempt: sends `request` and follows the redirects it receives as `configuration.redirectPolicy`
    /// says, and returns the first response that is not a redirect to follow.
    ///
    /// The client follows redirects rather than the transport so that it alone decides where credentials
    /// go: only to the server's origin. A refused redirect throws `ClientError.redirect`, which is never
    /// retried: the server would answer the same way.
    func attemptFollowingRedirects<ErrorBody>(
        _ outgoing: Outgoing,
        schemes: [SecurityScheme],
        redactor: Redactor,
        timeout: Duration?,
        attempt: Int,
        requirement: CredentialRequirement?,
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> AttemptOutcome {
        let policy = configuration.redirectPolicy
        let home = Origin(serverURL)
        var current = outgoing
        var summary = redactor.summary(of: outgoing.request)
        var followed = 0
        while true {
            log(.request, summary, attempt, call: current, headers: redactor.headers(current.request.headers), message: "→ \(summary)")
            let sent = ContinuousClock.now
            let outcome = try await attemptOnce(
                current, timeout: timeout, requirement: followed == 0 ? requirement : nil, errorBody: errorBody
            )
            guard case .response(let response, _) = outcome else { return outcome }
            let responseHeaders = redactor.headers(response.headers)
            let roundTrip = ContinuousClock.now - sent
            log(.response, summary, attempt, call: current, status: response.status, headers: responseHeaders, duration: roundTrip,
                message: "← HTTP \(response.status) from \(summary)")
            guard RedirectRules.statuses.contains(response.status), let location = response.headers["Location"] else {
                return outcome
            }

            func refusal(_ reason: RedirectFailure.Reason, location: String) -> ClientError<ErrorBody> {
                let failure = RedirectFailure(
                    reason: reason, status: response.status, location: location, request: summary,
                    redirectsFollowed: followed
                )
                log(.redirect, summary, attempt, call: current, status: response.status, headers: responseHeaders,
                    duration: roundTrip, message: failure.description)
                log(.failure, summary, attempt, call: current, status: response.status, duration: current.elapsed,
                    message: failure.description)
                return .redirect(failure)
            }
            guard let target = RedirectRules.target(of: location, against: current.request.url) else {
                throw refusal(.invalidLocation, location: redactor.text(location))
            }
            let crossOrigin = home == nil || Origin(target) != home
            if followed >= policy.maxRedirects {
                throw refusal(.tooManyRedirects, location: redactor.url(target))
            }
            if crossOrigin && policy.crossOrigin == .refuse {
                throw refusal(.crossOrigin, location: redactor.url(target))
            }

            var next = current
            next.request = RedirectRules.request(following: response.status, from: current.request, to: target)
            if RedirectRules.dropsBody(status: response.status, method: current.request.method) {
                next.body = nil
            } else if let body = current.body, !body.isReplayable {
                let failure = BodyReplayFailure(reason: .redirect(status: response.status), request: summary, attempts: attempt)
                log(.failure, summary, attempt, call: current, status: response.status, duration: current.elapsed,
                    message: failure.description)
                throw .bodyNotReplayable(failure)
            }
            if crossOrigin {
                next.request = CredentialStripper(
                    schemes: schemes,
                    extraHeaderNames: configuration.redactedHeaderNames,
                    extraQueryNames: configuration.redactedQueryNames,
                    secrets: redactor.secrets
                ).strip(next.request)
            }
            let nextSummary = redactor.summary(of: next.request)
            log(.redirect, summary, attempt, call: current, status: response.status, headers: responseHeaders,
                duration: roundTrip, redirectTarget: nextSummary,
                message: "↪ HTTP \(response.status) redirects \(summary) to \(nextSummary)"
                    + (crossOrigin ? " (another origin: sent without credentials)" : ""))
            followed += 1
            current = next
            summary = nextSummary
        }
    }
}
