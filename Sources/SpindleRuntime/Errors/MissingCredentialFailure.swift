/// An operation that requires a credential was called without one, so nothing was sent.
public struct MissingCredentialFailure: Sendable, Hashable, CustomStringConvertible {
    /// The request that was not sent.
    public let request: RequestSummary
    /// The schemes any one of which would satisfy the operation, in order of preference.
    public let schemes: [SecurityScheme]
    /// The environment variable the client reads a credential from, when it has one.
    public let environmentVariable: String?
    /// Whether the client had a credential, of a kind none of `schemes` accepts.
    public let hasUnfittingCredential: Bool

    /// Creates a failure.
    public init(request: RequestSummary, schemes: [SecurityScheme], environmentVariable: String?, hasUnfittingCredential: Bool) {
        self.request = request
        self.schemes = schemes
        self.environmentVariable = environmentVariable
        self.hasUnfittingCredential = hasUnfittingCredential
    }

    /// `GET https://… requires a bearer token, but the client has no credential; pass one or set X_TOKEN. Nothing was sent.`
    public var description: String {
        let accepted = schemes.map(\.requirementDescription).joined(separator: " or ")
        var text = "\(request) requires \(accepted), but "
        text += hasUnfittingCredential ? "the client's credential is of another kind" : "the client has no credential"
        text += environmentVariable.map { "; pass one to the client or set \($0)" } ?? "; pass one to the client"
        return text + ". Nothing was sent."
    }
}

extension SecurityScheme {
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
