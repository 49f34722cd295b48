import Autumn
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// Values the API adds after generation, received over the network path (transport, status handling,
/// the client's decoder), not only through the model decoders.
@Suite struct WireUnknownValueTests {
    static let key = "sk_test_unknown_5d10"

    @Test func newCurrencyVendorIdentifierAndErrorCode() async throws {
        var customer = try WirePayloads.documentedItem("stigg", itemsKey: "data")
        customer["billingCurrency"] = "xyz"
        let customers = WireReply.json(object: ["data": [customer], "pagination": ["next": NSNull(), "prev": NSNull()]])
        let integrations = WirePayloads.stiggIntegrations(ids: ["int-1"], vendor: "PADDLE", next: nil)
        let badInput = WireReply.json(#"{"message": "new rule", "code": "BrandNewError"}"#, status: 400)
        let forbidden = WireReply.json(#"{"message": "nope", "code": "BrandNewForbidden"}"#, status: 403)
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            switch request.path {
            case "/api/v1/customers": customers
            case "/api/v1/customers/customer-1/integrations": integrations
            case "/api/v1/customers/bad/integrations": badInput
            default: forbidden
            }
        }
        try await WireServer.run(handler) { url, _ in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())

            let currency = try #require(try await client.customers.list().data.first?.billingCurrency.wrapped)
            #expect(currency.rawValue == "xyz")
            #expect(!currency.isKnown)
            #expect(currency != .usd)

            // A vendor the filter enum does not know can be sent too (open enums are string-literal types).
            let page = try await client.customers.integrations.list(id: "customer-1", vendorIdentifier: ["PADDLE"])
            let vendor = try #require(page.data.first?.vendorIdentifier)
            #expect(vendor.rawValue == "PADDLE")
            #expect(!vendor.isKnown)

            do throws(StiggError) {
                _ = try await client.customers.integrations.list(id: "bad")
                Issue.record("expected a 400")
            } catch {
                guard case .badInputErrorResponse(let body)? = error.errorBody else {
                    Issue.record("decoded \(error)")
                    return
                }
                #expect(body.code?.rawValue == "BrandNewError")
                #expect(body.code?.isKnown == false)
            }

            do throws(StiggError) {
                _ = try await client.customers.integrations.list(id: "other")
                Issue.record("expected a 403")
            } catch {
                guard case .forbiddenErrorResponse(let body)? = error.errorBody else {
                    Issue.record("decoded \(error)")
                    return
                }
                #expect(body.code?.rawValue == "BrandNewForbidden")
            }
        }
    }

    @Test func newSnapRefundSubscriptionStatus() async throws {
        var json = String(decoding: try FixtureFiles.data("snaprefund", "customers-list-200.json"), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"active\"", with: "\"paused\"")
        let status = try await WireServer.run(replying: .json(json)) { url, _ in
            let client = SnapRefundClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            return try await client.customers.list().data.first?.subscriptions?.first?.status
        }
        #expect(status?.rawValue == "paused")
        #expect(status?.isKnown == false)
    }
}

/// Credentials: the explicit value is what goes on the wire, the environment fallback reads the
/// documented variable, and no error or client description ever shows the secret.
@Suite struct WireCredentialTests {
    static let key = "sk_live_wire_secret_0c7e"

    /// Explicit credentials win: each client sends exactly the value it was given, in its scheme's place.
    @Test func explicitCredentialIsSent() async throws {
        let list = try WirePayloads.fixture("stigg", "customers-list-200.json")
        let headers = try await WireServer.run(replying: list) { url, log in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            #expect(client.client.credential == .apiKey(Self.key))
            _ = try await client.customers.list()
            return await log.requests.first?.headers ?? [:]
        }
        #expect(headers["x-api-key"] == Self.key)
        #expect(headers["authorization"] == nil)

        #expect(SnapRefundClient(token: "t1").client.credential == .bearer("t1"))
        #expect(AutumnClient(token: "t2").client.credential == .bearer("t2"))
        #expect(MyCryptoServerClient(token: "t3").client.credential == .bearer("t3"))
    }

    /// Without an explicit value each client reads the environment variable its `spindle.yaml` names
    /// (`auth.environmentVariable`). The environment is not modified (all test targets share one process
    /// and run in parallel), so this checks two things that do not depend on it: the generated initializer
    /// names that variable, and the credential it built is whatever the variable holds right now (none
    /// when it is unset, as in CI).
    @Test(arguments: [
        ("stigg", "Stigg", "STIGG_API_KEY"), ("snaprefund", "SnapRefund", "SNAPREFUND_API_KEY"),
        ("autumn", "Autumn", "AUTUMN_SECRET_KEY"), ("mycryptoserver", "MyCryptoServer", "MYCRYPTOSERVER_API_KEY"),
    ])
    func environmentFallbackReadsTheConfiguredVariable(vendor: String, module: String, variable: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let config = try String(
            contentsOf: root.appendingPathComponent("specs/\(vendor)/spindle.yaml"), encoding: .utf8)
        #expect(config.contains("environmentVariable: \(variable)"))
        let source = try String(
            contentsOf: root.appendingPathComponent("Generated/\(module)/\(module)Client.swift"), encoding: .utf8)
        #expect(source.contains("environmentVariable: \"\(variable)\""))

        let value = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        switch vendor {
        case "stigg": #expect(StiggClient().client.credential == value.map(Credential.apiKey))
        case "snaprefund": #expect(SnapRefundClient().client.credential == value.map(Credential.bearer))
        case "autumn": #expect(AutumnClient().client.credential == value.map(Credential.bearer))
        default: #expect(MyCryptoServerClient().client.credential == value.map(Credential.bearer))
        }
    }

    /// Clients print without their secret. (`dump` walks stored properties; the transport is a stub
    /// because dumping the shared `URLSession` would show whatever requests other tests have in flight.)
    @Test func clientDescriptionsHideTheKey() {
        let key = "sk_live_describe_only_8e21"
        let configuration = ClientConfiguration(transport: RecordingTransport())
        let stigg = StiggClient(apiKey: key, configuration: configuration)
        let snap = SnapRefundClient(token: key, configuration: configuration)
        for text in [
            String(describing: stigg), String(reflecting: stigg), String(describing: stigg.client),
            String(describing: snap), String(reflecting: snap.client),
        ] {
            #expect(!text.contains(key), "\(text)")
        }
        #expect(String(describing: stigg.client).contains("Credential.apiKey(<redacted>)"))
        var dumped = ""
        dump(stigg, to: &dumped)
        #expect(!dumped.contains(key))
    }

    /// A server that echoes the key back (in the error body, the decoding failure's body, a retry-exhausted
    /// 429): the typed error's descriptions never contain it.
    @Test func errorDescriptionsNeverContainTheKey() async throws {
        let echo401 = WireReply.json(#"{"message": "Invalid API key \#(Self.key)", "code": "Unauthenticated"}"#, status: 401)
        let echo429 = WireReply.json(
            #"{"message": "Slow down, \#(Self.key)", "code": "RateLimitExceeded"}"#, status: 429, headers: ["Retry-After": "0"])
        let badJSON = WireReply.json(#"{"data": "\#(Self.key)", "pagination": {}}"#)
        let handler: @Sendable (WireRequest, Int) -> WireReply = { request, _ in
            switch request.queryValue("limit") {
            case "1": echo401
            case "2": echo429
            default: badJSON
            }
        }
        let errors: [StiggError] = try await WireServer.run(handler) { url, _ in
            let client = StiggClient(
                apiKey: Self.key, serverURL: url,
                configuration: wireConfiguration(retryPolicy: RetryPolicy(maxRetries: 1), sleeps: SleepLog()))
            var errors: [StiggError] = []
            for limit in [1, 2, 3] {
                do throws(StiggError) {
                    _ = try await client.customers.list(limit: limit)
                    Issue.record("limit \(limit): expected an error")
                } catch {
                    errors.append(error)
                }
            }
            return errors
        }
        #expect(errors.count == 3)
        for error in errors {
            for text in [String(describing: error), String(reflecting: error), error.localizedDescription, "\(error)"] {
                #expect(!text.contains(Self.key), "\(text)")
            }
        }
        // The echoes were really there and were scrubbed, not merely absent.
        guard errors.count == 3 else { return }
        #expect(String(describing: errors[0]).contains("Invalid API key <redacted>"))
        #expect(String(describing: errors[1]).contains("Slow down, <redacted>"))
        #expect(errors[0].status == 401)
        #expect(errors[1].status == 429)
        guard case .decoding(let failure) = errors[2] else {
            Issue.record("expected .decoding, got \(errors[2])")
            return
        }
        #expect(failure.path == "data")
        #expect(String(decoding: failure.rawBody, as: UTF8.self).contains(Self.key), "raw bytes are kept as received")
    }
}
