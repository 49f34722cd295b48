import Foundation
import Petstore

// Builds a request the way an app would; pass a server URL to actually send it.
let client = PetstoreClient(apiKey: "demo-key", serverURL: URL(string: CommandLine.arguments.dropFirst().first ?? "https://petstore.example.com/v1")!)
if CommandLine.arguments.count > 1 {
    do {
        let pets = try await client.pets.list(limit: 10, status: .available)
        for pet in pets { print(pet.id, pet.name, pet.status) }
    } catch {
        print("request failed: \(error)")
    }
} else {
    print("PetstoreClient ready: \(client.client)")
}
