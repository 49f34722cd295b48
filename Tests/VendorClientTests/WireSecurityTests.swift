import Foundation
import Locksmith
import SpindleRuntime
import Testing

/// The Locksmith golden client (`Tests/GoldenSpecs/locksmith`) over real loopback HTTP: each operation sends
/// exactly the credentials its own security requirement names, whatever else the client holds.
@Suite("Wire: each operation's security requirement")
struct WireSecurityTests {
    static let headerKey = "hk_wire_header_3f1a"
    static let queryKey = "qk_wire_query_77c2"
    static let token = "bt_wire_bearer_90de"
    static let doors = WireReply.json(#"[{"id":"d1","locked":true}]"#)
    static let door = WireReply.json(#"{"id":"d1"}"#)

    /// A client holding the credentials given (and whatever the LOCKSMITH_* variables hold: none in CI).
    static func client(
        _ url: URL, headerKey: String? = nil, queryKey: String? = nil, token: String? = nil,
        accessToken: AccessTokenProvider? = nil
    ) -> LocksmithClient {
        LocksmithClient(
            headerKey: headerKey, queryKey: queryKey, token: token, accessToken: accessToken, serverURL: url,
            configuration: wireConfiguration())
    }

    /// A client with every credential, API keys and bearer token, and an access token provider.
    static func fullyCredentialed(_ url: URL) -> LocksmithClient {
        client(url, headerKey: headerKey, queryKey: queryKey, token: token, accessToken: .constant("at_wire_constant"))
    }

    /// The credentials a request carried: the header key, the query key and the `Authorization` header.
    static func credentials(_ request: WireRequest?) -> [String?] {
        [request?.header("X-Locksmith-Key"), request?.queryValue("key"), request?.header("Authorization")]
    }

    @Test("security: [] sends nothing, even from a client holding every credential")
    func publicOperationSendsNoCredential() async throws {
        let sent = try await WireServer.run(replying: .init(status: 204, headers: [:], body: Data())) { url, log in
            try await Self.fullyCredentialed(url).status.list()
            return await log.requests
        }
        #expect(sent.map(\.line) == ["GET /status"])
        #expect(Self.credentials(sent.first) == [nil, nil, nil])
        #expect(sent.first?.header("Cookie") == nil)
    }

    @Test("an operation without security of its own uses the top-level default: the header key only")
    func topLevelDefault() async throws {
        let sent = try await WireServer.run(replying: Self.doors) { url, log in
            _ = try await Self.fullyCredentialed(url).doors.list()
            return await log.requests
        }
        #expect(Self.credentials(sent.first) == [Self.headerKey, nil, nil])
    }

    @Test("alternatives are OR: the first the client satisfies is sent, and only it")
    func alternativesAreOr() async throws {
        let sent = try await WireServer.run(replying: Self.door) { url, log in
            _ = try await Self.fullyCredentialed(url).doors.retrieve(doorId: "d1")
            _ = try await Self.client(url, queryKey: Self.queryKey).doors.retrieve(doorId: "d1")
            return await log.requests
        }
        #expect(sent.map(\.path) == ["/doors/d1", "/doors/d1"])
        #expect(Self.credentials(sent.first) == [Self.headerKey, nil, nil])
        #expect(Self.credentials(sent.last) == [nil, Self.queryKey, nil])
    }

    @Test("schemes of one requirement are AND: the header key and the bearer token go together")
    func schemesOfOneRequirementAreAnd() async throws {
        let sent = try await WireServer.run(replying: .init(status: 204, headers: [:], body: Data())) { url, log in
            try await Self.fullyCredentialed(url).doors.delete(doorId: "d1")
            return await log.requests
        }
        #expect(Self.credentials(sent.first) == [Self.headerKey, nil, "Bearer \(Self.token)"])
    }

    @Test("half of an AND requirement is a missing credential: nothing is sent, and the message names what is missing")
    func halfOfAnAndRequirementSendsNothing() async throws {
        try #require(ProcessInfo.processInfo.environment["LOCKSMITH_TOKEN"] == nil)
        let (error, sent) = try await WireServer.run(replying: .init(status: 204, headers: [:], body: Data())) { url, log in
            do throws(LocksmithError) {
                try await Self.client(url, headerKey: Self.headerKey, queryKey: Self.queryKey).doors.delete(doorId: "d1")
                return (nil as LocksmithError?, await log.requests)
            } catch {
                return (error, await log.requests)
            }
        }
        #expect(sent.isEmpty)
        guard case .missingCredential(let failure)? = error else {
            Issue.record("expected .missingCredential, got \(String(describing: error))")
            return
        }
        #expect(failure.alternatives == [[.apiKey(name: "X-Locksmith-Key", in: .header), .bearer]])
        #expect(failure.environmentVariables == ["LOCKSMITH_TOKEN"])
        #expect(failure.description.contains("an API key in the X-Locksmith-Key header and a bearer token"))
        #expect(failure.missingSchemes == [.bearer])
        #expect(failure.description.contains("but the client has no bearer token; pass one to the client or set LOCKSMITH_TOKEN"))
        #expect(!failure.description.contains(Self.headerKey))
    }

    @Test("a client with no credential the operation accepts fails before sending, naming each alternative")
    func noAcceptedCredentialSendsNothing() async throws {
        let environment = ProcessInfo.processInfo.environment
        try #require(environment["LOCKSMITH_KEY"] == nil && environment["LOCKSMITH_QUERY_KEY"] == nil)
        let (error, sent) = try await WireServer.run(replying: Self.door) { url, log in
            do throws(LocksmithError) {
                _ = try await Self.client(url, token: Self.token).doors.retrieve(doorId: "d1")
                return (nil as LocksmithError?, await log.requests)
            } catch {
                return (error, await log.requests)
            }
        }
        #expect(sent.isEmpty)
        guard case .missingCredential(let failure)? = error else {
            Issue.record("expected .missingCredential, got \(String(describing: error))")
            return
        }
        #expect(failure.alternatives == [[.apiKey(name: "X-Locksmith-Key", in: .header)], [.apiKey(name: "key", in: .query)]])
        #expect(failure.environmentVariables == ["LOCKSMITH_KEY", "LOCKSMITH_QUERY_KEY"])
        #expect(failure.description.contains("set LOCKSMITH_KEY or LOCKSMITH_QUERY_KEY"))
        #expect(!failure.description.contains(Self.token))
    }

    @Test("optional security: the query key when the client has one, nothing when it has none")
    func optionalSecurity() async throws {
        try #require(ProcessInfo.processInfo.environment["LOCKSMITH_QUERY_KEY"] == nil)
        let sent = try await WireServer.run(replying: .init(status: 204, headers: [:], body: Data())) { url, log in
            try await Self.client(url, headerKey: Self.headerKey).audit.list()
            try await Self.client(url, queryKey: Self.queryKey).audit.list()
            return await log.requests
        }
        #expect(sent.map(\.line) == ["GET /audit", "GET /audit?key=\(Self.queryKey)"])
        #expect(Self.credentials(sent.first) == [nil, nil, nil])
    }

    @Test("OAuth 2: the provider's token goes out as a bearer token, asked for per request with the scheme's name")
    func oauthTokenFromTheProvider() async throws {
        let asked = TokenRequests()
        let provider = AccessTokenProvider { request in
            await asked.append(request)
            return "at_wire_\(await asked.count)"
        }
        let sent = try await WireServer.run(replying: .json("[]")) { url, log in
            let client = Self.client(url, headerKey: Self.headerKey, accessToken: provider)
            _ = try await client.keys.list()
            _ = try await client.keys.list()
            return await log.requests
        }
        #expect(sent.map { $0.header("Authorization") } == ["Bearer at_wire_1", "Bearer at_wire_2"])
        #expect(sent.allSatisfy { $0.header("X-Locksmith-Key") == nil })
        #expect(await asked.requests == [AccessTokenRequest(scheme: "oauth"), AccessTokenRequest(scheme: "oauth")])
    }

    @Test("OAuth 2 or bearer: the provider when the client has one, else the bearer token")
    func oauthOrBearer() async throws {
        let sent = try await WireServer.run(replying: .json(#"{"id":"k1"}"#, status: 201)) { url, log in
            _ = try await Self.client(url, token: Self.token, accessToken: .constant("at_wire_first")).keys.create(body: Key(id: "k1"))
            _ = try await Self.client(url, token: Self.token).keys.create(body: Key(id: "k1"))
            return await log.requests
        }
        #expect(sent.map { $0.header("Authorization") } == ["Bearer at_wire_first", "Bearer \(Self.token)"])
    }

    @Test("a 401 asks the provider once more with the refused token and sends the request once more")
    func unauthorizedRefreshesOnce() async throws {
        let asked = TokenRequests()
        let provider = AccessTokenProvider { request in
            await asked.append(request)
            return request.rejectedToken == nil ? "at_wire_expired" : "at_wire_fresh"
        }
        let (keys, sent) = try await WireServer.run({ request, _ in
            request.header("Authorization") == "Bearer at_wire_fresh" ? .json(#"[{"id":"k1"}]"#) : .json("{}", status: 401)
        }) { url, log in
            (try await Self.client(url, accessToken: provider).keys.list(), await log.requests)
        }
        #expect(keys.map(\.id) == ["k1"])
        #expect(sent.map { $0.header("Authorization") } == ["Bearer at_wire_expired", "Bearer at_wire_fresh"])
        #expect(
            await asked.requests == [
                AccessTokenRequest(scheme: "oauth"), AccessTokenRequest(scheme: "oauth", rejectedToken: "at_wire_expired"),
            ])
    }

    @Test("a second 401 is the answer: two requests in all, and the error shows neither token")
    func secondUnauthorizedIsTheAnswer() async throws {
        let asked = TokenRequests()
        let provider = AccessTokenProvider { request in
            await asked.append(request)
            return "at_wire_refused_\(await asked.count)"
        }
        let (error, sent) = try await WireServer.run({ request, _ in
            // The server echoes the token it refused, as some do in their error messages.
            .json(#"{"error":"bad token \#(request.header("Authorization") ?? "")"}"#, status: 401)
        }) { url, log in
            do throws(LocksmithError) {
                _ = try await Self.client(url, accessToken: provider).keys.list()
                return (nil as LocksmithError?, await log.requests)
            } catch {
                return (error, await log.requests)
            }
        }
        #expect(sent.count == 2)
        #expect(await asked.requests.count == 2)
        #expect(error?.status == 401)
        let shown = "\(String(describing: error)) \(String(reflecting: error))"
        #expect(!shown.contains("at_wire_refused_1") && !shown.contains("at_wire_refused_2"))
    }

    @Test("a 401 to an operation sent without an access token is not sent again")
    func unauthorizedWithoutAccessTokenIsFinal() async throws {
        let (status, sent) = try await WireServer.run(replying: .json("{}", status: 401)) { url, log in
            do throws(LocksmithError) {
                _ = try await Self.fullyCredentialed(url).doors.list()
                return (nil as Int?, await log.requests)
            } catch {
                return (error.status, await log.requests)
            }
        }
        #expect(status == 401)
        #expect(sent.count == 1)
    }

    @Test("a provider that throws is an accessToken error: nothing is sent")
    func throwingProviderSendsNothing() async throws {
        struct Offline: Error, CustomStringConvertible { var description: String { "the identity provider is offline" } }
        let (error, sent) = try await WireServer.run(replying: .json("[]")) { url, log in
            do throws(LocksmithError) {
                _ = try await Self.client(url, accessToken: AccessTokenProvider { _ in throw Offline() }).keys.list()
                return (nil as LocksmithError?, await log.requests)
            } catch {
                return (error, await log.requests)
            }
        }
        #expect(sent.isEmpty)
        guard case .accessToken(let failure)? = error else {
            Issue.record("expected .accessToken, got \(String(describing: error))")
            return
        }
        #expect(failure.scheme == "oauth")
        #expect(failure.message == "the identity provider is offline")
        #expect(failure.request.description.hasSuffix("/keys"))
    }

    @Test("a cross-origin redirect carries no access token there")
    func accessTokenNeverLeavesTheOrigin() async throws {
        var configuration = wireConfiguration()
        configuration.redirectPolicy = RedirectPolicy(crossOrigin: .followWithoutCredentials)
        let otherLog = try await WireServer.run(replying: .json("[]")) { otherURL, otherLog in
            try await WireServer.run({ request, _ in
                WireReply(status: 302, headers: ["Location": otherURL.absoluteString + request.path], body: Data())
            }) { apiURL, _ in
                let client = LocksmithClient(
                    accessToken: .constant("at_wire_origin_only"), serverURL: apiURL, configuration: configuration)
                _ = try await client.keys.list()
            }
            return await otherLog.requests
        }
        #expect(otherLog.count == 1)
        #expect(otherLog.first?.header("Authorization") == nil)
    }
}

/// The requests an access token provider was asked, in order.
private actor TokenRequests {
    private(set) var requests: [AccessTokenRequest] = []
    var count: Int { requests.count }
    func append(_ request: AccessTokenRequest) { requests.append(request) }
}
