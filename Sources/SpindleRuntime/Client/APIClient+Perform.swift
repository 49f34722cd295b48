import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension APIClient {
    /// Prepares the request and runs attempts until one succeeds, a failure is not retryable, or the retries
    /// are used up. Returns the last response (of any status); throws for everything else.
    ///
    /// A `401` to a request sent with an access token from an ``AccessTokenProvider`` asks the provider once
    /// more, with the refused token, and sends the request once more with the new one (when its body can be
    /// sent again); that answer is final.
    ///
    /// With `streamingResponse`, or when the builder holds a streaming body, attempts go through the
    /// transport's streaming path; the final response's body then arrives as a stream.
    func perform<ErrorBody: Sendable>(
        _ builder: HTTPRequestBuilder,
        options: RequestOptions,
        streamingResponse: Bool = false,
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> Exchange {
        let started = ContinuousClock.now
        let plan = authenticator(for: builder)
        let credentials = try await resolveCredentials(
            plan, summary: self.summary(of: builder), operation: builder.operation, started: started, errorBody: errorBody
        )
        let first = try await performAttempts(
            builder, credentials: credentials, plan: plan, options: options, streamingResponse: streamingResponse,
            started: started, errorBody: errorBody
        )
        guard first.exchange.response.status == 401, plan.usesAccessTokens, first.isReplayable else { return first.exchange }
        let refused = Authenticator.tokens(credentials)
        let refreshed = try await resolveCredentials(
            plan, rejecting: refused, summary: first.exchange.request, operation: builder.operation, started: started,
            errorBody: errorBody
        )
        log(.retry, first.exchange.request, first.exchange.attempts, call: first.call, status: 401, duration: first.call.elapsed,
            message: "Sending \(first.exchange.request) again with a fresh access token after HTTP 401")
        return try await performAttempts(
            builder, credentials: refreshed, plan: plan, options: options, streamingResponse: streamingResponse,
            started: started, refusedTokens: Array(refused.values), errorBody: errorBody
        ).exchange
    }

    /// The request with `credentials`, sent with retries and redirects; also what was sent, and whether its body
    /// can be sent again.
    private func performAttempts<ErrorBody: Sendable>(
        _ builder: HTTPRequestBuilder,
        credentials: [Authenticator.Application],
        plan: Authenticator,
        options: RequestOptions,
        streamingResponse: Bool,
        started: ContinuousClock.Instant,
        refusedTokens: [String] = [],
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> (exchange: Exchange, call: Outgoing, isReplayable: Bool) {
        let schemes = security + credentials.map(\.scheme)
        let redactor = Redactor(
            schemes: schemes,
            secrets: credentialSecrets + credentials.flatMap(\.credential.secrets) + refusedTokens,
            extraHeaderNames: configuration.redactedHeaderNames,
            extraQueryNames: configuration.redactedQueryNames
        )
        let outgoing: Outgoing
        do {
            var prepared = prepare(builder, options: options)
            Authenticator.apply(credentials, to: &prepared)
            let made = try prepared.makeStreamingRequest(serverURL: serverURL, jsonEncoder: configuration.makeJSONEncoder())
            outgoing = Outgoing(
                request: made.request, body: made.body, streams: streamingResponse || made.body != nil,
                operation: builder.operation, started: started
            )
        } catch {
            throw .encoding(redactor.redacted(error))
        }
        let request = outgoing.request
        let summary = redactor.summary(of: request)
        let requirement = credentialRequirement(plan, summary: summary)
        let policy = options.effectiveRetryPolicy(clientPolicy: configuration.retryPolicy)
        let timeout = options.timeout ?? configuration.timeout
        let hasIdempotencyKey = request.headers.contains(configuration.idempotencyHeaderName)
        var attempt = 0
        while true {
            attempt += 1
            let outcome = try await attemptFollowingRedirects(
                outgoing, schemes: schemes, redactor: redactor, timeout: timeout, attempt: attempt,
                requirement: requirement, errorBody: errorBody
            )
            guard attempt <= policy.maxRetries,
                  outcome.isRetryable(method: request.method, hasIdempotencyKey: hasIdempotencyKey)
            else {
                let exchange = try finish(
                    outcome, of: outgoing, summary: summary, redactor: redactor, timeout: timeout, attempts: attempt,
                    errorBody: errorBody
                )
                // Asked after sending: a one-shot stream can be sent again only until it has been read.
                return (exchange, outgoing, outgoing.body?.isReplayable ?? true)
            }
            if let body = outgoing.body, !body.isReplayable {
                let failure = BodyReplayFailure(reason: .retry(after: outcome.summary), request: summary, attempts: attempt)
                log(.failure, summary, attempt, call: outgoing, duration: outgoing.elapsed, message: failure.description)
                throw .bodyNotReplayable(failure)
            }
            let response: HTTPResponse? = if case .response(let response, _) = outcome { response } else { nil }
            let delay = policy.delay(beforeRetry: attempt, response: response, now: Date(), random: configuration.random())
            log(.retry, summary, attempt, call: outgoing, status: response?.status, duration: outgoing.elapsed, delay: delay,
                message: "Retrying \(summary) after \(outcome.summary) in \(delay.timeInterval) s (retry \(attempt) of \(policy.maxRetries))")
            do {
                try await configuration.sleep(delay)
            } catch {
                throw .cancelled
            }
        }
    }

    /// Adds default headers, per-call options and the idempotency key.
    private func prepare(_ builder: HTTPRequestBuilder, options: RequestOptions) -> HTTPRequestBuilder {
        var builder = builder
        for field in configuration.defaultHeaders where !builder.headers.contains(field.name) {
            builder.headers.add(field.name, field.value)
        }
        if !builder.headers.contains("Accept") {
            builder.headers.set("Accept", "application/json")
        }
        for field in options.additionalHeaders {
            builder.headers.set(field.name, field.value)
        }
        for item in options.additionalQuery {
            builder.addQuery(item.name, item.value)
        }
        if let key = options.idempotencyKey {
            builder.headers.set(configuration.idempotencyHeaderName, key)
        } else if configuration.automaticIdempotencyKeys, !builder.method.isIdempotent,
                  !builder.headers.contains(configuration.idempotencyHeaderName)
        {
            builder.headers.set(configuration.idempotencyHeaderName, "spindle-retry-\(UUID().uuidString.lowercased())")
        }
        return builder
    }

    /// The method and URL of `builder` before any credential is added, for errors met before it is built.
    private func summary(of builder: HTTPRequestBuilder) -> RequestSummary {
        var base = serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let query = builder.query.isEmpty ? "" : "?" + builder.query
        let text = base + (builder.path.hasPrefix("/") ? builder.path : "/" + builder.path) + query
        let redactor = Redactor(
            schemes: security, secrets: credentialSecrets, extraHeaderNames: configuration.redactedHeaderNames,
            extraQueryNames: configuration.redactedQueryNames
        )
        return RequestSummary(method: builder.method, url: URL(string: text).map(redactor.url) ?? redactor.text(text))
    }

    /// One request through the middlewares and transport, bounded by `timeout` (for a streaming request, the
    /// wait for the response head). With a `requirement`, a request that reaches the end of the middlewares
    /// without a credential is stopped there.
    func attemptOnce<ErrorBody>(
        _ outgoing: Outgoing,
        timeout: Duration?,
        requirement: CredentialRequirement?,
        errorBody: ErrorBody.Type
    ) async throws(ClientError<ErrorBody>) -> AttemptOutcome {
        if Task.isCancelled { throw .cancelled }
        let middlewares = configuration.middlewares
        let transport = configuration.transport
        @Sendable func check(_ request: HTTPRequest) throws {
            if let requirement, !requirement.isSatisfied(by: request) {
                throw MissingCredentialSignal(failure: requirement.failure)
            }
        }
        do {
            guard outgoing.streams else {
                let response = try await Deadline.run(timeout: timeout) {
                    try await middlewares.send(outgoing.request) { request in
                        try check(request)
                        return try await transport.send(request, timeout: timeout)
                    }
                }
                return .response(response, stream: nil)
            }
            let response = try await Deadline.run(timeout: timeout) {
                try await middlewares.stream(outgoing.request, body: outgoing.body) { request, body in
                    try check(request)
                    return try await transport.stream(request, body: body, timeout: timeout)
                }
            }
            return .response(HTTPResponse(status: response.status, headers: response.headers), stream: response.body)
        } catch let signal as MissingCredentialSignal {
            let error = ClientError<ErrorBody>.missingCredential(signal.failure)
            log(.failure, signal.failure.request, 1, call: outgoing, duration: outgoing.elapsed, message: error.description)
            throw error
        } catch is DeadlineExceeded {
            return .timedOut
        } catch is CancellationError {
            throw .cancelled
        } catch let error as TransportError {
            if Task.isCancelled { throw .cancelled }
            return error.kind == .timedOut ? .timedOut : .transportFailure(error)
        } catch let error as URLError {
            if Task.isCancelled || error.code == .cancelled { throw .cancelled }
            return error.code == .timedOut ? .timedOut : .transportFailure(TransportError(kind: .other, message: "\(error)"))
        } catch {
            if Task.isCancelled { throw .cancelled }
            return .transportFailure(TransportError(kind: .other, message: "\(error)"))
        }
    }

    /// Turns the last outcome into the result: a response, or a typed error.
    private func finish<ErrorBody>(
        _ outcome: AttemptOutcome,
        of outgoing: Outgoing,
        summary: RequestSummary,
        redactor: Redactor,
        timeout: Duration?,
        attempts: Int,
        errorBody: ErrorBody.Type
    ) throws(ClientError<ErrorBody>) -> Exchange {
        let error: ClientError<ErrorBody>
        switch outcome {
        case .response(let response, _) where !(100...599).contains(response.status):
            error = .invalidResponse(InvalidResponseFailure(
                message: "The status code \(response.status) is not a valid HTTP status.", request: summary
            ))
        case .response(let response, let stream):
            if !response.isSuccess {
                log(.failure, summary, attempts, call: outgoing, status: response.status, duration: outgoing.elapsed,
                    message: "\(summary) failed with HTTP \(response.status) after \(attempts) attempt(s)")
            }
            ResponseCapture.current?.record(response)
            return Exchange(response: response, stream: stream, request: summary, redactor: redactor, attempts: attempts)
        case .timedOut:
            error = .timeout(TimeoutFailure(request: summary, timeout: timeout, attempts: attempts))
        case .transportFailure(let failure):
            error = .transport(TransportFailure(
                message: redactor.text(failure.message), kind: failure.kind, request: summary, attempts: attempts
            ))
        }
        log(.failure, summary, attempts, call: outgoing, duration: outgoing.elapsed, message: error.description)
        throw error
    }

    func log(
        _ kind: LogEvent.Kind,
        _ request: RequestSummary,
        _ attempt: Int,
        call: Outgoing,
        status: Int? = nil,
        headers: HTTPHeaders = [:],
        duration: Duration? = nil,
        delay: Duration? = nil,
        redirectTarget: RequestSummary? = nil,
        message: String
    ) {
        configuration.logger?(LogEvent(
            kind: kind, request: request, attempt: attempt, operation: call.operation, status: status, headers: headers,
            duration: duration, delay: delay, redirectTarget: redirectTarget, message: message
        ))
    }
}
