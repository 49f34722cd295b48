import Constructs
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// What a fetched object keeps when it is sent back, and what failures say, over real HTTP on 127.0.0.1.
@Suite struct WireFidelityTests {
    static let key = "sk_test_fidelity_7e21"

    /// A widget as a newer server sends it: keys the spec does not have at every level (the object, a closed
    /// `additionalProperties: false` object, a union variant picked without a discriminator, a recursive
    /// parent), microsecond timestamps, unix milliseconds and fractional unix seconds.
    static let storedWidget = #"""
        {"id": "w1", "name": "Bolt", "created_at": "2025-01-02T03:04:05.123456Z", "archived_at": null,
         "updated_ms": 1771409161016, "expires_s": 1771409161.0165, "color": "red", "count": 3,
         "tag": {"slug": "hardware", "origin": "import"},
         "shape": {"side": 2, "label": "L", "rotation": 45},
         "parent": {"name": "root", "position": 7},
         "server_revision": {"n": 12345678901234567890, "by": ["a", null]}, "flags": []}
        """#

    @Test func fetchChangeOneFieldAndSendBackLosesNothing() async throws {
        let stored = try JSONValue(parsing: Self.storedWidget)
        let (sent, returned) = try await WireServer.run({ request, _ in
            request.method == "GET" ? .json(Self.storedWidget) : .json(request.body)
        }) { url, log in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            var widget = try await client.widgets.retrieve(widgetId: "w1")
            widget.name = "Bolt 2"
            let returned = try await client.widgets.update(widgetId: "w1", body: widget)
            return (try JSONValue(parsing: await log.requests[1].body), returned)
        }
        guard case .object(var expected) = stored else {
            Issue.record("the payload is not an object")
            return
        }
        expected["name"] = "Bolt 2"
        // Every member the server sent, at every level, is sent back with the same value.
        #expect(sent == .object(expected))
        #expect(returned.additionalProperties["server_revision"]?["n"] == .number(JSONNumber(text: "12345678901234567890")!))
        #expect(returned.tag?.additionalProperties == ["origin": "import"])
        guard case .labeledSquare(let square)? = returned.shape else {
            Issue.record("shape decoded as \(String(describing: returned.shape))")
            return
        }
        #expect(square.additionalProperties == ["rotation": 45])
        #expect(returned.parent?.additionalProperties == ["position": 7])
    }

    /// Issue #28: undeclared members lost digits (`1.2345678901234568e+29`) or failed the whole response
    /// (`1e400`, "Not a JSON value"). Their numbers go back byte for byte, at the top and nested.
    @Test("numbers in undeclared members go back exactly as the server wrote them", arguments: [
        "123456789012345678901234567890.5", "1e400", "-1E-400", "1.0", "-0", "1E-7", "0.1", "100e-2", "12345678901234567890",
        "9223372036854775807", "-9223372036854775809", "5e-324", "1.7976931348623157e308", "2.5E+10",
    ])
    func undeclaredNumbersGoBackByteForByte(number: String) async throws {
        let stored = #"""
            {"id": "w1", "name": "Bolt", "created_at": "2025-01-02T03:04:05Z", "archived_at": null, "color": "red",
             "amount": \#(number), "server_revision": {"n": \#(number), "history": [\#(number), {"at": \#(number)}]},
             "tag": {"slug": "hardware", "weight": \#(number)}}
            """#
        let (sent, widget) = try await WireServer.run({ request, _ in
            request.method == "GET" ? .json(stored) : .json(request.body)
        }) { url, log in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let widget = try await client.widgets.retrieve(widgetId: "w1")
            _ = try await client.widgets.update(widgetId: "w1", body: widget)
            return (String(decoding: await log.requests[1].body, as: UTF8.self), widget)
        }
        #expect(widget.additionalProperties["amount"]?.numberValue?.text == number)
        #expect(sent.contains(#""amount":\#(number)"#), "\(sent)")
        #expect(sent.contains(#""server_revision":{"history":[\#(number),{"at":\#(number)}],"n":\#(number)}"#), "\(sent)")
        #expect(sent.contains(#""weight":\#(number)"#), "\(sent)")
    }

    @Test func timestampsGoBackWithThePrecisionTheServerSent() async throws {
        let sent = try await WireServer.run({ request, _ in
            request.method == "GET" ? .json(Self.storedWidget) : .json(request.body)
        }) { url, log in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            let widget = try await client.widgets.retrieve(widgetId: "w1")
            _ = try await client.widgets.update(widgetId: "w1", body: widget)
            return String(decoding: await log.requests[1].body, as: UTF8.self)
        }
        #expect(sent.contains(#""created_at":"2025-01-02T03:04:05.123456Z""#))
        #expect(sent.contains(#""updated_ms":1771409161016"#))
        #expect(sent.contains(#""expires_s":1771409161.0165"#))
    }

    @Test func aMissingRequiredNullablePropertyIsALocatedError() async throws {
        let payload = #"{"data": [{"id": "w1", "name": "a", "created_at": "2025-01-02T03:04:05Z", "archived_at": null,"#
            + #" "color": "red"}, {"id": "w2", "name": "b", "created_at": "2025-01-02T03:04:05Z", "color": "red"}],"#
            + #" "next_cursor": null}"#
        let error = try await WireServer.run(replying: .json(payload)) { url, _ async -> ConstructsError? in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(ConstructsError) in _ = try await client.widgets.list() }
        }
        guard case .decoding(let failure)? = error else {
            Issue.record("expected a decoding failure, got \(String(describing: error))")
            return
        }
        #expect(failure.path == "data[1].archived_at")
        #expect(failure.message.contains("missing"))
    }

    @Test(arguments: [
        ("1.5", "total", "not a whole number"),
        ("99999999999999999999", "total", "outside Int's range"),
        ("-9223372036854775809", "total", "outside Int's range"),
    ])
    func numbersThatDoNotFitNameTheirPath(total: String, path: String, reason: String) async throws {
        let payload = #"{"object": "list", "data": [], "page": 1, "limit": 10, "total": \#(total)}"#
        let error = try await WireServer.run(replying: .json(payload)) { url, _ async -> MyCryptoServerError? in
            let client = MyCryptoServerClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(MyCryptoServerError) in _ = try await client.customers.list() }
        }
        guard case .decoding(let failure)? = error else {
            Issue.record("expected a decoding failure, got \(String(describing: error))")
            return
        }
        #expect(failure.path == path)
        #expect(failure.message.contains(total))
        #expect(failure.message.contains(reason))
        #expect(failure.status == 200)
    }

    @Test func aNestedFractionForAnIntegerNamesTheElement() async throws {
        let body = #"{"data": [{"id": "c", "kind": "cat", "lives": 9}], "pets": [{"kind": "cat", "lives": 2.5}]}"#
        let document = try JSONValue(parsing: body)
        struct Pets: Decodable { var pets: [Cat] }
        #expect(throws: DecodingFailure.self) { try document.decode(as: Pets.self) }
        do {
            _ = try document.decode(as: Pets.self)
        } catch {
            #expect(error.path == "pets[0].lives")
            #expect(error.message.contains("2.5"))
        }
    }

    @Test func anErrorBodyThatDoesNotMatchKeepsWhy() async throws {
        let body = #"{"message": 42, "code": "BadInput"}"#
        let error = try await WireServer.run(replying: .json(body, status: 400)) { url, _ async -> StiggError? in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(StiggError) in _ = try await client.customers.list() }
        }
        guard case .api(let response)? = error else {
            Issue.record("expected an API error, got \(String(describing: error))")
            return
        }
        #expect(response.status == 400)
        #expect(response.body == nil)
        #expect(response.rawBody == Data(body.utf8))
        let failure = try #require(response.bodyDecodingFailure)
        #expect(failure.path == "message")
        #expect(failure.status == 400)
        #expect(response.description.contains("does not match the documented error schema at message"))
    }

    @Test func anErrorBodyThatIsNotJSONKeepsWhy() async throws {
        let error = try await WireServer.run(replying: WireReply(status: 403, headers: ["Content-Type": "text/html"], body: Data("<h1>Forbidden</h1>".utf8))) { url, _ async -> StiggError? in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(StiggError) in _ = try await client.customers.list() }
        }
        guard case .api(let response)? = error else {
            Issue.record("expected an API error, got \(String(describing: error))")
            return
        }
        #expect(response.body == nil)
        #expect(response.bodyDecodingFailure?.message.contains("not valid JSON") == true)
        #expect(String(decoding: response.rawBody, as: UTF8.self) == "<h1>Forbidden</h1>")
    }

    @Test func aDocumentedErrorBodyStillDecodes() async throws {
        let error = try await WireServer.run(replying: .json(#"{"message": "bad", "code": "BadInput"}"#, status: 400)) { url, _ async -> StiggError? in
            let client = StiggClient(apiKey: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(StiggError) in _ = try await client.customers.list() }
        }
        guard case .api(let response)? = error, case .badInputErrorResponse(let body)? = response.body else {
            Issue.record("decoded \(String(describing: error))")
            return
        }
        #expect(body.message == "bad")
        #expect(response.bodyDecodingFailure == nil)
    }
}

/// The error `call` throws, or `nil` when it returns.
func thrown<Failure: Error>(by call: () async throws(Failure) -> Void) async -> Failure? {
    do throws(Failure) {
        try await call()
        return nil
    } catch {
        return error
    }
}
