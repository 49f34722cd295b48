import Foundation

/// An operation's need for credentials the client does not have, checked on the request as it reaches the
/// transport, so that a credential set by a default header, a per-call header or a middleware counts too.
struct CredentialRequirement: Sendable {
    /// The failure to report when the request satisfies none of the alternatives.
    let failure: MissingCredentialFailure

    /// Whether `request` carries credentials for every scheme of one alternative, however they got there.
    func isSatisfied(by request: HTTPRequest) -> Bool {
        failure.alternatives.contains { schemes in schemes.allSatisfy { carries(request, $0) } }
    }

    private func carries(_ request: HTTPRequest, _ scheme: SecurityScheme) -> Bool {
        switch scheme {
        case .apiKey(let name, .header):
            return !(request.headers[name] ?? "").isEmpty
        case .apiKey(let name, .query):
            let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            return items.contains { $0.name == name && !($0.value ?? "").isEmpty }
        case .apiKey(let name, .cookie):
            return request.headers.values(for: "Cookie").contains { header in
                header.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(name)=") }
            }
        case .bearer:
            return authorization(request, hasScheme: "bearer")
        case .basic:
            return authorization(request, hasScheme: "basic")
        }
    }

    private func authorization(_ request: HTTPRequest, hasScheme scheme: String) -> Bool {
        request.headers.values(for: "Authorization").contains { $0.lowercased().hasPrefix(scheme + " ") }
    }
}

/// Thrown from inside the middleware chain, where the client's typed error cannot be, to stop before the
/// transport.
struct MissingCredentialSignal: Error {
    let failure: MissingCredentialFailure
}
