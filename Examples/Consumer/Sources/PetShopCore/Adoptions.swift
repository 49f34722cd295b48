import Petstore

/// The shop's logic over the Petstore API, unit-tested against stubbed operations (`Tests/PetShopTests`).
public struct Adoptions: Sendable {
    let petstore: PetstoreClient

    /// Creates the shop's logic over `petstore`.
    public init(petstore: PetstoreClient) {
        self.petstore = petstore
    }

    /// The names of up to `limit` pets available for adoption, sorted.
    public func availableNames(limit: Int = 10) async throws(PetstoreError) -> [String] {
        try await petstore.pets.list(limit: limit, status: .available).map(\.name).sorted()
    }

    /// One line about pet `id`; a pet the API does not know reads "No pet <id>: <the API's message>".
    public func describe(petID id: String) async throws(PetstoreError) -> String {
        do throws(PetstoreError) {
            let pet = try await petstore.pets.retrieve(petId: id)
            return "\(pet.name) (\(pet.status.rawValue))"
        } catch {
            guard case .api(let response) = error, case .problem(let problem)? = response.body else { throw error }
            return "No pet \(id): \(problem.message)"
        }
    }
}
