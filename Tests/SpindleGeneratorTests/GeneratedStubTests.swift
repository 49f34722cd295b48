import Constructs
import Foundation
import SpindleRuntime
import Testing

/// The generated Constructs client answered by a `StubTransport`, keyed by its `ConstructsClient.Operations`:
/// typed values and error bodies go through the client's own encoding and decoding, failures and requests no
/// answer matches reach the caller as typed errors.
@Suite struct GeneratedStubTests {
    private typealias Operations = ConstructsClient.Operations

    private func client(_ stubs: StubTransport) -> ConstructsClient {
        ConstructsClient(token: "t", configuration: ClientConfiguration(transport: stubs, retryPolicy: .never))
    }

    private static let widget = Widget(
        id: "w 1", name: "Lamp", createdAt: Date(timeIntervalSince1970: 1_700_000_000), archivedAt: nil,
        due: CalendarDate(year: 2026, month: 12, day: 7), note: .null, color: .greenLight, labels: ["room": "hall"])

    @Test func aTypedValueComesBackThroughTheClientsDecodingAndTheHandlerSeesThePathParameter() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.retrieve) { request in
            var widget = Self.widget
            widget.id = request.pathParameters["widget_id"] ?? "?"
            return widget
        }
        let widget = try await client(stubs).widgets.retrieve(widgetId: "a/b c")
        var expected = Self.widget
        expected.id = "a/b c"
        #expect(widget == expected)
        let request = try #require(stubs.requests(for: Operations.widgets.retrieve).first)
        #expect(request.operation == "widgets.retrieve")
        #expect(request.request.url.absoluteString == "https://api.example.com/v1/widgets/a%2Fb%20c")
        #expect(request.header("Authorization") == "Bearer t")
    }

    @Test func theQueryAndTheJSONBodyAreReadableInTheHandler() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.list) { request in
            WidgetPage(data: [Self.widget], nextCursor: request.queryValues("tags").joined(separator: ","))
        }
        stubs.answer(Operations.widgets.create) { request in
            let patch = try request.body(as: WidgetPatch.self)
            var widget = Self.widget
            widget.name = patch.name ?? ""
            return widget
        }
        let constructs = client(stubs)
        let page = try await constructs.widgets.list(limit: 2, tags: [.red, .greenLight])
        #expect(page.nextCursor == "red,GREEN_LIGHT")
        #expect(stubs.requests.first?.query("limit") == "2")
        #expect(try await constructs.widgets.create(body: WidgetPatch(name: "Desk")).name == "Desk")
    }

    @Test func aTypedErrorBodyIsDecodedForTheStatusTheOperationDocuments() async throws {
        let stubs = StubTransport()
        let notFound = ErrorDto(message: "no widget w9", code: .notFound)
        stubs.answer(
            Operations.widgets.retrieve, status: 404, error: .errorDto(notFound), headers: ["X-Request-Id": "r1"])
        stubs.respond(to: Operations.widgets.update) { request in
            request.pathParameters["widget_id"] == "locked"
                ? .error(.errorDto(ErrorDto(message: "locked", code: .invalid)), status: 422) : .value(Self.widget)
        }
        let constructs = client(stubs)
        await #expect(throws: ConstructsError.self) { _ = try await constructs.widgets.retrieve(widgetId: "w9") }
        do throws(ConstructsError) {
            _ = try await constructs.widgets.retrieve(widgetId: "w9")
        } catch {
            guard case .api(let response) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(response.status == 404)
            #expect(response.body == .errorDto(notFound))
            #expect(response.requestID == "r1")
        }
        #expect(try await constructs.widgets.update(widgetId: "w1", body: Self.widget) == Self.widget)
        do throws(ConstructsError) {
            _ = try await constructs.widgets.update(widgetId: "locked", body: Self.widget)
            Issue.record("expected a 422")
        } catch {
            guard case .api(let response) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(response.status == 422)
            #expect(response.body == .errorDto(ErrorDto(message: "locked", code: .invalid)))
        }
    }

    /// `widgets.retrieve` documents its body for 404 only: at 500 the body stays undecoded, as from a server.
    @Test func anErrorBodyAtAStatusTheOperationDoesNotDocumentIsNotDecoded() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.retrieve, status: 500, error: .errorDto(ErrorDto(message: "down")))
        do throws(ConstructsError) {
            _ = try await client(stubs).widgets.retrieve(widgetId: "w1")
            Issue.record("expected a 500")
        } catch {
            guard case .api(let response) = error else {
                Issue.record("expected .api, got \(error)")
                return
            }
            #expect(response.status == 500)
            #expect(response.body == nil)
            #expect(response.bodyPreview.contains("down"))
        }
    }

    @Test func anOperationWithoutABodyAnswersWithItsDocumentedStatus() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.delete)
        try await client(stubs).widgets.delete(widgetId: "w1")
        #expect(stubs.requests.map(\.pathParameters) == [["widget_id": "w1"]])
        #expect(Operations.widgets.delete.successStatus == 204)
        #expect(Operations.widgets.create.description == "widgets.create (POST /widgets)")
    }

    @Test func aTransportFailureIsThrownAsOne() async throws {
        let stubs = StubTransport()
        stubs.fail(Operations.widgets.list, with: TransportError(kind: .connectionDropped, message: "reset by peer"))
        do throws(ConstructsError) {
            _ = try await client(stubs).widgets.list()
            Issue.record("expected a transport failure")
        } catch {
            guard case .transport(let failure) = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
            #expect(failure.kind == .connectionDropped)
            #expect(failure.message == "reset by peer")
        }
    }

    /// A raw answer that the spec would not allow fails to decode, naming the field.
    @Test func aRawAnswerThatDriftsFromTheSpecFailsToDecode() async throws {
        let stubs = StubTransport()
        stubs.answer(
            Operations.widgets.retrieve,
            response: { _ in
                HTTPResponse(
                    status: 200, headers: ["Content-Type": "application/json"],
                    body: Data(#"{"id":"w1","name":7}"#.utf8))
            })
        do throws(ConstructsError) {
            _ = try await client(stubs).widgets.retrieve(widgetId: "w1")
            Issue.record("expected a decoding failure")
        } catch {
            guard case .decoding(let failure) = error else {
                Issue.record("expected .decoding, got \(error)")
                return
            }
            #expect(failure.path == "name")
        }
    }

    @Test func aRequestNoAnswerMatchesFailsNamingTheRequestAndWhatIsAnswered() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.list) { _ in WidgetPage(data: []) }
        do throws(ConstructsError) {
            _ = try await client(stubs).widgets.retrieve(widgetId: "w7")
            Issue.record("expected a transport failure")
        } catch {
            guard case .transport(let failure) = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
            #expect(
                failure.message
                    == "StubTransport has no answer for GET https://api.example.com/v1/widgets/w7; answered: widgets.list (GET /widgets)"
            )
        }
        #expect(stubs.unmatchedRequests.map(\.url.path) == ["/v1/widgets/w7"])
        #expect(stubs.requests.isEmpty)
    }

    @Test func concurrentCallsEachGetTheirOwnAnswer() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.widgets.retrieve) { request in
            var widget = Self.widget
            widget.id = request.pathParameters["widget_id"] ?? ""
            return widget
        }
        let constructs = client(stubs)
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask { try await constructs.widgets.retrieve(widgetId: "w\(index)").id }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids == Set((0..<64).map { "w\($0)" }))
        #expect(
            Set(stubs.requests(for: Operations.widgets.retrieve).compactMap { $0.pathParameters["widget_id"] }) == ids)
    }

    /// The compiler checks an answer's type against the operation's: the same answer compiles for the operation
    /// that returns a page, and not for the one that returns a widget.
    @Test(arguments: [("list", true), ("retrieve", false)])
    func anAnswerOfTheWrongTypeDoesNotCompile(operation: String, compiles: Bool) async throws {
        let app = """
            import Constructs
            import SpindleRuntime

            func stub(_ stubs: StubTransport) {
                stubs.answer(ConstructsClient.Operations.widgets.\(operation)) { _ in WidgetPage(data: []) }
            }
            """
        let result = try await SwiftCompiler.typecheck(app: app, against: [])
        #expect((result.status == 0) == compiles, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("app.swift:5:") == !compiles, "\(result.standardOutput)")
    }
}
