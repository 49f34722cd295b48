import SpindleIR

/// The credential parameters of the client's initializer, one per security scheme the operations use.
///
/// A scheme whose kind no other scheme shares takes the kind's label (`apiKey: String?`, `token: String?`,
/// `credential: Credential?`, `accessToken: AccessTokenProvider?`), so a client with one scheme reads as
/// before; schemes of a shared kind are labelled after their names (`headerKey:`, `queryKey:`).
struct ClientCredentials {
    /// One parameter and the scheme it is the credential of.
    struct Parameter {
        let scheme: IRSecurityScheme
        /// The argument label (escaped when a keyword).
        let label: String
        let type: String
        /// The expression that makes the `Credential?` from the argument.
        let credential: String
        /// The parameter's line in the initializer's documentation.
        let docs: String
    }

    let parameters: [Parameter]

    /// Labels the initializer has besides the credentials.
    static let otherLabels = ["serverURL", "configuration"]

    init(module: IRModule) {
        let schemes = module.securitySchemes
        let kinds = schemes.map { Self.kindLabel($0.kind) }
        let wanted = zip(schemes, kinds).map { scheme, kind in
            let named = SwiftNaming.memberName(scheme.name)
            // A name with no identifier in it (`🔑`) keeps the kind's label, numbered apart by `uniqued`.
            return kinds.filter { $0 == kind }.count == 1 || !SwiftIdentifier.isValid(named) ? kind : named
        }
        let labels = SwiftNaming.uniqued(Self.otherLabels + wanted).dropFirst(Self.otherLabels.count)
        parameters = zip(schemes, labels).map { scheme, label in
            let escaped = SwiftNaming.escaped(label)
            let (type, make): (String, String?) =
                switch scheme.kind {
                case .apiKey: ("String?", "Credential.apiKey")
                case .bearer: ("String?", "Credential.bearer")
                case .basic: ("Credential?", nil)
                case .oauth2, .openIdConnect: ("AccessTokenProvider?", "Credential.accessToken")
                }
            let what =
                switch scheme.kind {
                case .oauth2, .openIdConnect:
                    "The access token provider for `\(scheme.name)`, asked for a token on every request and once more after a 401"
                default: "The credential for `\(scheme.name)`"
                }
            let environment = scheme.environmentVariable.map { "; `nil` reads `\($0)` from the environment." } ?? "."
            return Parameter(
                scheme: scheme, label: escaped, type: type,
                credential: make.map { "\(escaped).map(\($0))" } ?? escaped, docs: what + environment)
        }
    }

    /// The labels, in order.
    var labels: [String] { parameters.map(\.label) }

    private static func kindLabel(_ kind: IRSecurityScheme.Kind) -> String {
        switch kind {
        case .apiKey: "apiKey"
        case .bearer: "token"
        case .basic: "credential"
        case .oauth2, .openIdConnect: "accessToken"
        }
    }
}

extension IRSecurityScheme {
    /// The runtime `SecurityScheme` as Swift source: how the credential goes on the request.
    var runtimeLiteral: String {
        switch kind {
        case .apiKey(let name, let location): ".apiKey(name: \(swiftStringLiteral(name)), in: .\(location.rawValue))"
        case .bearer, .oauth2, .openIdConnect: ".bearer"
        case .basic: ".basic"
        }
    }
}

/// Security requirements as a Swift array literal (`[["api_key"], ["a", "b"], []]`), on one line when
/// `prefix` + the literal + `suffix` fit in 120 columns from `column`, else one requirement per line, indented
/// from `indent` (the statement's indentation in the text it goes into, which may be indented later).
func requirementsLiteral(_ requirements: [[String]], prefix: String, suffix: String = "", indent: Int, column: Int) -> String {
    let items = requirements.map { "[" + $0.map(swiftStringLiteral).joined(separator: ", ") + "]" }
    let single = "[" + items.joined(separator: ", ") + "]"
    if column + prefix.count + single.count + suffix.count <= 120 { return prefix + single + suffix }
    let inner = String(repeating: " ", count: indent + 4)
    let outer = String(repeating: " ", count: indent)
    // swift-format wants a trailing comma after the last of several elements, and none after a lone one.
    let separator = items.count > 1 ? ",\n" : "\n"
    return prefix + "[\n" + items.map { inner + $0 + separator }.joined() + outer + "]" + suffix
}
