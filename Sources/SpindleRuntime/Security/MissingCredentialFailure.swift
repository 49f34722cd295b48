/// An operation that requires a credential was called without one, so nothing was sent.
public struct MissingCredentialFailure: Sendable, Hashable, CustomStringConvertible {
    /// The request that was not sent.
    public let request: RequestSummary
    /// Every scheme the operation's requirements name, in order of preference.
    public let schemes: [SecurityScheme]
    /// The operation's requirements: any one of them would do, with credentials for all of its schemes.
    public let alternatives: [[SecurityScheme]]
    /// The first of ``environmentVariables``, when there is one.
    public let environmentVariable: String?
    /// The environment variables the client reads the missing credentials from.
    public let environmentVariables: [String]
    /// Whether the client had a credential, of a kind none of `schemes` accepts.
    public let hasUnfittingCredential: Bool
    /// The schemes of `schemes` the client has no credential for (all of them unless it has some).
    public let missingSchemes: [SecurityScheme]

    /// Creates a failure for an operation that accepts any one of `schemes`.
    public init(request: RequestSummary, schemes: [SecurityScheme], environmentVariable: String?, hasUnfittingCredential: Bool) {
        self.init(
            request: request, alternatives: schemes.map { [$0] }, environmentVariables: environmentVariable.map { [$0] } ?? [],
            hasUnfittingCredential: hasUnfittingCredential)
    }

    /// Creates a failure for an operation that accepts any one of `alternatives`, each with all of its schemes;
    /// `missingSchemes` (`nil`: all of them) are those the client has no credential for.
    public init(
        request: RequestSummary, alternatives: [[SecurityScheme]], environmentVariables: [String], hasUnfittingCredential: Bool,
        missingSchemes: [SecurityScheme]? = nil
    ) {
        self.request = request
        self.alternatives = alternatives
        var schemes: [SecurityScheme] = []
        for scheme in alternatives.joined() where !schemes.contains(scheme) { schemes.append(scheme) }
        self.schemes = schemes
        self.environmentVariables = environmentVariables
        environmentVariable = environmentVariables.first
        self.hasUnfittingCredential = hasUnfittingCredential
        self.missingSchemes = missingSchemes ?? schemes
    }

    /// `GET https://… requires a bearer token, but the client has no credential; pass one or set X_TOKEN. Nothing was sent.`
    public var description: String {
        let accepted = alternatives.map { $0.map(\.requirementDescription).joined(separator: " and ") }
            .joined(separator: " or ")
        var text = "\(request) requires \(accepted.isEmpty ? "a credential of a scheme the client does not know" : accepted), but "
        if hasUnfittingCredential {
            text += "the client's credential is of another kind"
        } else if missingSchemes.count < schemes.count {
            // It has some of them: say which it lacks.
            text += "the client has no " + missingSchemes.map(\.credentialName).joined(separator: " or ")
        } else {
            text += "the client has no credential"
        }
        let variables = environmentVariables.joined(separator: " or ")
        text += variables.isEmpty ? "; pass one to the client" : "; pass one to the client or set \(variables)"
        return text + ". Nothing was sent."
    }
}

extension SecurityScheme {
    /// The credential's name, for messages: `X-API-KEY API key`, `bearer token`.
    var credentialName: String {
        switch self {
        case .apiKey(let name, _): "\(name) API key"
        case .bearer: "bearer token"
        case .basic: "user name and password"
        }
    }

    /// What a credential for the scheme looks like, for messages: `an API key in the X-API-KEY header`.
    var requirementDescription: String {
        switch self {
        case .apiKey(let name, .header): "an API key in the \(name) header"
        case .apiKey(let name, .query): "an API key in the \(name) query parameter"
        case .apiKey(let name, .cookie): "an API key in the \(name) cookie"
        case .bearer: "a bearer token"
        case .basic: "a user name and password (basic authentication)"
        }
    }
}
