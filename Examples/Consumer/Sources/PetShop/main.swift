import Foundation
import PetShopCore
import Petstore

// Builds a request the way an app would; pass a server URL to actually send it.
let client = PetstoreClient(apiKey: "demo-key", serverURL: URL(string: CommandLine.arguments.dropFirst().first ?? "https://petstore.example.com/v1")!)
if CommandLine.arguments.count > 1 {
    do {
        for name in try await Adoptions(petstore: client).availableNames() { print(name) }
    } catch {
        print("request failed: \(error)")
    }
} else {
    print("PetstoreClient ready: \(client.client)")
}
