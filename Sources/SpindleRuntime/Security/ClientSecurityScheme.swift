/// A security scheme of the API together with the client's credential for it.
///
/// Generated clients make one per scheme any operation uses, named as the API's spec names it
/// (`components.securitySchemes`); operations name them in their ``SecurityRequirement``s.
public struct ClientSecurityScheme: Sendable, Hashable, CustomStringConvertible {
    /// The scheme's name in the spec, e.g. `api_key`.
    public let name: String
    /// How its credential goes on a request.
    public let scheme: SecurityScheme
    /// The credential: the one given, else the one read from ``environmentVariable``; `nil` when neither.
    public let credential: Credential?
    /// The environment variable the credential is read from when none is given, which
    /// `ClientError.missingCredential` names so that its message says how to fix it.
    public let environmentVariable: String?

    /// A scheme with `credential`, or when that is `nil`, the value of `environmentVariable` (if set and not
    /// empty) as a credential of the scheme's kind (``Credential/fromEnvironment(_:for:)``).
    public init(_ name: String, _ scheme: SecurityScheme, credential: Credential?, environmentVariable: String? = nil) {
        self.name = name
        self.scheme = scheme
        self.credential = credential ?? environmentVariable.flatMap { Credential.fromEnvironment($0, for: scheme) }
        self.environmentVariable = environmentVariable
    }

    /// The name and kind of the scheme and whether there is a credential, never the credential itself.
    public var description: String {
        "\(name): \(scheme.requirementDescription)\(credential == nil ? " (none)" : "")"
    }
}

extension ClientSecurityScheme {
    /// A scheme of a client made with one credential for several schemes (or of an operation that names a
    /// scheme without a name): named after where its credential goes, with `credential` when it fits. The
    /// environment is not read: such clients read it themselves.
    init(unnamed scheme: SecurityScheme, credential: Credential?, environmentVariable: String?) {
        self.init(
            name: scheme.unnamedName, scheme: scheme, credential: credential.flatMap { $0.fits(scheme) ? $0 : nil },
            environmentVariable: environmentVariable)
    }

    /// A scheme with exactly these values (the environment is not read).
    init(name: String, scheme: SecurityScheme, credential: Credential?, environmentVariable: String?) {
        self.name = name
        self.scheme = scheme
        self.credential = credential
        self.environmentVariable = environmentVariable
    }
}

extension SecurityScheme {
    /// The name of a scheme given without one: the API key's name, `bearer` or `basic`.
    var unnamedName: String {
        switch self {
        case .apiKey(let name, _): name
        case .bearer: "bearer"
        case .basic: "basic"
        }
    }
}
