import Autumn
import Foundation
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// The generated clients over real loopback HTTP: a redirect to another origin (another port) never carries
/// Stigg's `X-API-KEY` or Autumn's bearer token there, and a missing key fails before anything is sent.
@Suite("Wire: redirects and missing credentials")
struct WireRedirectAndCredentialTests {
    static let key = "sk_live_wire_redirect_key"

    /// Runs `body` with an API server that redirects every request to a second server on another port.
    private func redirectingToOtherOrigin<Result: Sendable>(
        status: Int,
        other: @escaping @Sendable (WireRequest, Int) -> WireReply,
        body: (_ api: URL) async throws -> Result
    ) async throws -> (result: Result, apiLog: [WireRequest], otherLog: [WireRequest]) {
        try await WireServer.run(other) { otherURL, otherLog in
            let (result, apiLog) = try await WireServer.run({ request, _ in
                WireReply(status: status, headers: ["Location": otherURL.absoluteString + request.path], body: Data())
            }) { apiURL, apiLog in
                (try await body(apiURL), await apiLog.requests)
            }
            return (result, apiLog, await otherLog.requests)
        }
    }

    @Test("Stigg: a 302 to another origin is refused and the key never reaches it")
    func stiggCrossOriginRefused() async throws {
        let (error, apiLog, otherLog) = try await redirectingToOtherOrigin(status: 302, other: { _, _ in .json("{}") }) { api in
            do throws(StiggError) {
                _ = try await StiggClient(apiKey: Self.key, serverURL: api, configuration: wireConfiguration()).customers.list()
                return nil as StiggError?
            } catch {
                return error
            }
        }
        #expect(otherLog.isEmpty)
        #expect(apiLog.map { $0.header("X-API-KEY") } == [Self.key])
        guard case .redirect(let failure)? = error else {
            Issue.record("expected .redirect, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .crossOrigin)
        #expect(failure.status == 302)
        #expect(!"\(error!)".contains(Self.key))
    }

    @Test("Autumn: a 307 POST to another origin is refused and the token never reaches it")
    func autumnCrossOriginRefused() async throws {
        let (error, apiLog, otherLog) = try await redirectingToOtherOrigin(status: 307, other: { _, _ in .json("{}") }) { api in
            do throws(AutumnError) {
                _ = try await AutumnClient(token: Self.key, serverURL: api, configuration: wireConfiguration()).customers.list()
                return nil as AutumnError?
            } catch {
                return error
            }
        }
        #expect(otherLog.isEmpty)
        #expect(apiLog.map { $0.header("Authorization") } == ["Bearer \(Self.key)"])
        guard case .redirect(let failure)? = error else {
            Issue.record("expected .redirect, got \(String(describing: error))")
            return
        }
        #expect(failure.reason == .crossOrigin)
        #expect(failure.request.method == .post)
    }

    @Test("Stigg and Autumn opted in: the other origin gets the request without the key or token")
    func crossOriginFollowedWithoutCredentials() async throws {
        var configuration = wireConfiguration()
        configuration.redirectPolicy = RedirectPolicy(crossOrigin: .followWithoutCredentials)
        let stiggPage = try WirePayloads.stiggCustomers(ids: ["c1"], next: nil)
        let (stigg, _, stiggOther) = try await redirectingToOtherOrigin(status: 302, other: { _, _ in stiggPage }) { api in
            try await StiggClient(apiKey: Self.key, serverURL: api, configuration: configuration).customers.list()
        }
        let autumnPage = try WirePayloads.autumnCustomers(ids: ["a1"], total: 1, limit: 10, offset: 0, hasMore: false)
        let (autumn, _, autumnOther) = try await redirectingToOtherOrigin(status: 307, other: { _, _ in autumnPage }) { api in
            try await AutumnClient(token: Self.key, serverURL: api, configuration: configuration).customers.list()
        }
        #expect(stigg.data.count == 1)
        #expect(autumn.list.count == 1)
        let received = stiggOther + autumnOther
        #expect(received.map(\.method) == ["GET", "POST"])
        #expect(received.allSatisfy { $0.header("X-API-KEY") == nil && $0.header("Authorization") == nil })
        #expect(!received.contains { $0.headers.values.contains { $0.contains(Self.key) } })
        #expect(autumnOther.first?.jsonObject != nil, "307 kept the body")
    }

    /// Issue #28: the key came back percent-encoded in the redirect's query and was printed in the error's
    /// description, its `localizedDescription` and three log lines.
    @Test("SnapRefund: a redirect that echoes the key percent-encoded shows it nowhere")
    func snapRefundRedirectEchoingTheKeyEncoded() async throws {
        let key = "snap+WIRE4SNAP/x="
        let events = LogEventRecorder()
        var configuration = wireConfiguration()
        configuration.logger = events.logger
        let (error, otherLog) = try await WireServer.run(replying: .json("{}")) { otherURL, otherLog in
            try await WireServer.run({ _, _ in
                WireReply(status: 302, headers: ["Location": "\(otherURL)/landing?leak=snap%2BWIRE4SNAP%2Fx%3D"], body: Data())
            }) { apiURL, _ in
                do throws(SnapRefundError) {
                    _ = try await SnapRefundClient(token: key, serverURL: apiURL, configuration: configuration).customers.list()
                    return (nil as SnapRefundError?, await otherLog.requests)
                } catch {
                    return (error, await otherLog.requests)
                }
            }
        }
        #expect(otherLog.isEmpty)
        guard case .redirect(let failure)? = error else {
            Issue.record("expected .redirect, got \(String(describing: error))")
            return
        }
        #expect(failure.location.hasSuffix("/landing?leak=<redacted>"))
        var texts = [failure.description, error!.description, error!.localizedDescription, String(reflecting: error!)]
        var dumped = ""
        dump(error!, to: &dumped)
        texts.append(dumped)
        let logged = events.events
        #expect(logged.count >= 3)
        for event in logged {
            var dumpedEvent = ""
            dump(event, to: &dumpedEvent)
            texts += [event.description, dumpedEvent]
        }
        for text in texts {
            #expect(!text.contains("snap%2BWIRE4SNAP%2Fx%3D"), "\(text)")
            #expect(!text.contains("WIRE4SNAP"), "\(text)")
        }
    }

    @Test("Stigg and Autumn without a key: a typed error naming the variable, and the server receives nothing")
    func missingCredential() async throws {
        try #require(ProcessInfo.processInfo.environment["STIGG_API_KEY"] == nil)
        try #require(ProcessInfo.processInfo.environment["AUTUMN_SECRET_KEY"] == nil)
        let (failures, requests) = try await WireServer.run(replying: .json("{}")) { url, log in
            var failures: [MissingCredentialFailure] = []
            do throws(StiggError) {
                _ = try await StiggClient(serverURL: url, configuration: wireConfiguration()).customers.list()
            } catch {
                if case .missingCredential(let failure) = error { failures.append(failure) }
            }
            do throws(AutumnError) {
                _ = try await AutumnClient(serverURL: url, configuration: wireConfiguration()).customers.list()
            } catch {
                if case .missingCredential(let failure) = error { failures.append(failure) }
            }
            return (failures, await log.requests)
        }
        #expect(requests.isEmpty)
        #expect(failures.map(\.schemes) == [[.apiKey(name: "X-API-KEY", in: .header)], [.bearer]])
        #expect(failures.map(\.environmentVariable) == ["STIGG_API_KEY", "AUTUMN_SECRET_KEY"])
        #expect(failures.first?.description.contains("X-API-KEY header") == true)
    }
}
