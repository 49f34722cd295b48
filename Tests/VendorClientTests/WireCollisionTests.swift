import Collisions
import Foundation
import SpindleRuntime
import Testing

/// Parameters named like the locals of generated method bodies (`request`, `client`, `self`, `pageRequest`,
/// `options`, `body`) reach the server with their own values, over real HTTP.
@Suite struct WireCollisionTests {
    static let token = "tok_collisions_3a1f"

    @Test func parametersNamedLikeLocalsAreSent() async throws {
        let page = #"{"data": [], "next": null}"#
        let lines = try await WireServer.run(replying: .json(page)) { url, log in
            let client = CollisionsClient(token: Self.token, serverURL: url, configuration: wireConfiguration())
            _ = try await client.items.list(
                request: "r", client: "c", options2: "o", self: "s", pageRequest: "p", container: "k", body2: "b",
                type: "T", default: 7, _3ds: true, id: "i")
            var walked = 0
            for try await _ in client.items.listAll(request: "r2", self: "s2", pageRequest: "p2") { walked += 1 }
            #expect(walked == 0)
            _ = try await client.offsets.list(limit: 2, pageRequest: 5, request: 6)
            return await log.requests.map(\.line)
        }
        #expect(lines == [
            "GET /items?request=r&client=c&options=o&self=s&pageRequest=p&container=k&body=b&default=7&3ds=true&_id=i",
            "GET /items?request=r2&self=s2&pageRequest=p2",
            "GET /offsets?limit=2&pageRequest=5&request=6",
        ])
    }

    @Test func headerAndBodyNamedLikeLocals() async throws {
        let stored = try await WireServer.run({ request, _ in .json(request.body) }) { url, log in
            let client = CollisionsClient(token: Self.token, serverURL: url, configuration: wireConfiguration())
            let body = Locals(container: "c", decoder: "d", request: "in-body", self: "me")
            let stored = try await client.items.create(body: body, request: "in-header")
            let request = await log.requests[0]
            #expect(request.header("request") == "in-header")
            #expect(request.header("Authorization") == "Bearer \(Self.token)")
            return stored
        }
        #expect(stored.request == "in-body")
        #expect(stored.`self` == "me")
    }
}
