import Foundation
import SpindleRuntime
import Testing

/// How `StubTransport` finds the answer to a request: by method and path template, the most literal template
/// first, under a server URL with a path of its own, with placeholders inside a segment.
@Suite struct StubTransportTests {
    private struct Item: Codable, Equatable, Sendable {
        var id: String
    }

    private static let retrieve = APIOperation<Item, Never>(name: "items.retrieve", method: .get, path: "/items/{id}")
    private static let search = APIOperation<[Item], Never>(name: "items.search", method: .get, path: "/items/search")
    private static let export = APIOperation<Item, Never>(
        name: "items.export", method: .get, path: "/items/{id}.{format}")
    private static let remove = APIOperation<Void, Never>(
        name: "items.delete", method: .delete, path: "/items/{id}", successStatus: 204)

    private func get<Response: Decodable & Sendable>(
        _ path: String, as type: Response.Type, from stubs: StubTransport, server: String = "https://api.example.com/v2"
    ) async throws(ClientError<Never>) -> Response {
        let client = APIClient(
            serverURL: URL(string: server)!, configuration: ClientConfiguration(transport: stubs, retryPolicy: .never))
        return try await client.send(HTTPRequestBuilder(method: .get, path: path), errors: { _ -> Never? in nil })
    }

    @Test func theMostLiteralTemplateWinsAndPlaceholdersArePercentDecoded() async throws {
        let stubs = StubTransport()
        stubs.answer(Self.retrieve) { Item(id: $0.pathParameters["id"] ?? "") }
        stubs.answer(Self.search) { _ in [Item(id: "found")] }
        stubs.answer(Self.export) {
            Item(id: "\($0.pathParameters["id"] ?? "") as \($0.pathParameters["format"] ?? "")")
        }
        #expect(try await get("/items/search", as: [Item].self, from: stubs) == [Item(id: "found")])
        #expect(try await get("/items/a%2Fb%20c", as: Item.self, from: stubs) == Item(id: "a/b c"))
        #expect(try await get("/items/i1.csv", as: Item.self, from: stubs) == Item(id: "i1 as csv"))
        #expect(stubs.requests.map(\.operation) == ["items.search", "items.retrieve", "items.export"])
    }

    @Test func aLaterAnswerReplacesAnEarlierOneAndRemovedOperationsGoUnanswered() async throws {
        let stubs = StubTransport()
        stubs.answer(Self.retrieve) { _ in Item(id: "first") }
        stubs.answer(Self.retrieve) { _ in Item(id: "second") }
        #expect(
            try await get("/items/1", as: Item.self, from: stubs, server: "https://api.example.com")
                == Item(id: "second"))
        stubs.remove(Self.retrieve)
        await #expect(throws: ClientError<Never>.self) { try await get("/items/1", as: Item.self, from: stubs) }
        #expect(stubs.unmatchedRequests.map(\.url.absoluteString) == ["https://api.example.com/v2/items/1"])
    }

    @Test func theMethodMustMatchAndTheFailureNamesTheRequest() async throws {
        let stubs = StubTransport()
        stubs.answer(Self.remove)
        stubs.answer(Self.search) { _ in [] }
        do throws(ClientError<Never>) {
            _ = try await get("/items/7", as: Item.self, from: stubs)
            Issue.record("expected a transport failure")
        } catch {
            guard case .transport(let failure) = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
            #expect(failure.kind == .other)
            #expect(
                failure.message == "StubTransport has no answer for GET https://api.example.com/v2/items/7; "
                    + "answered: items.delete (DELETE /items/{id}), items.search (GET /items/search)")
        }
        let empty = StubTransport()
        await #expect(throws: ClientError<Never>.self) { try await get("/", as: Item.self, from: empty) }
    }

    @Test func aValueOfTypeDataIsSentAsTheRawBody() async throws {
        let stubs = StubTransport()
        stubs.answer(APIOperation<Data, Never>(name: "file", method: .get, path: "/file")) { _ in Data([0, 1, 2]) }
        #expect(try await get("/file", as: Data.self, from: stubs) == Data([0, 1, 2]))
    }
}
