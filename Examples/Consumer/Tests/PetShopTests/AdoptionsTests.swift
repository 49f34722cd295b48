import PetShopCore
import Petstore
import SpindleRuntime
import Testing

/// The shop's logic against stubbed Petstore operations: no server, typed answers.
@Suite struct AdoptionsTests {
    private typealias Operations = PetstoreClient.Operations

    private func adoptions(_ stubs: StubTransport) -> Adoptions {
        Adoptions(
            petstore: PetstoreClient(
                apiKey: "test", configuration: ClientConfiguration(transport: stubs, retryPolicy: .never)))
    }

    @Test func availableNamesAreSortedAndAskedForByStatus() async throws {
        let stubs = StubTransport()
        stubs.answer(Operations.pets.list) { _ in
            [Pet(id: "2", name: "Rex", status: .available), Pet(id: "1", name: "Ada", status: .available)]
        }
        #expect(try await adoptions(stubs).availableNames(limit: 5) == ["Ada", "Rex"])
        let request = try #require(stubs.requests(for: Operations.pets.list).first)
        #expect(request.query("status") == "available")
        #expect(request.query("limit") == "5")
        #expect(request.header("X-Api-Key") == "test")
    }

    @Test func aPetTheAPIDoesNotKnowIsDescribedByItsMessage() async throws {
        let stubs = StubTransport()
        stubs.respond(to: Operations.pets.retrieve) { request in
            request.pathParameters["petId"] == "7"
                ? .value(Pet(id: "7", name: "Tom", status: .sold))
                : .error(.problem(Problem(message: "gone")), status: 404)
        }
        let shop = adoptions(stubs)
        #expect(try await shop.describe(petID: "7") == "Tom (sold)")
        #expect(try await shop.describe(petID: "8") == "No pet 8: gone")
    }

    @Test func aNetworkFailureReachesTheCaller() async throws {
        let stubs = StubTransport()
        stubs.fail(Operations.pets.list, with: TransportError(kind: .connectionDropped, message: "reset"))
        await #expect(throws: PetstoreError.self) { try await adoptions(stubs).availableNames() }
    }
}
