import SpindleIR

/// The credential parameter of the client's initializer: for the first security scheme the module's
/// operations use, `apiKey: String?`, `token: String?` or `credential: Credential?`.
struct ClientCredential {
    let scheme: IRSecurityScheme
    /// The argument label.
    let label: String
    let type: String
    /// The `Credential` factory the argument goes through (empty for `Credential?` itself).
    let make: String

    /// `nil` when the operations use no scheme the client can apply.
    init?(module: IRModule) {
        let schemes = module.operations.first?.security ?? []
        guard let scheme = module.securitySchemes.first(where: { schemes.contains($0.name) }) else { return nil }
        self.scheme = scheme
        (label, type, make) =
            switch scheme.kind {
            case .apiKey: ("apiKey", "String?", "Credential.apiKey")
            case .bearer: ("token", "String?", "Credential.bearer")
            case .basic: ("credential", "Credential?", "")
            }
    }
}
