import Constructs
import Foundation
import SpindleRuntime
import Testing

/// The constructs golden client over loopback HTTP: `/widgets/{widget_id}?beta=true` is its own operation,
/// and sends its fixed query before its own parameters; the plain path sends none.
@Suite("Wire: a path key's fixed query")
struct WireFixedQueryTests {
    @Test func theFixedQueryIsSentByItsOperationOnly() async throws {
        let widget = WireReply.json(#"{"id":"w1","name":"Sprocket","created_at":"2024-01-01T00:00:00Z","archived_at":null,"color":"red"}"#)
        let lines = try await WireServer.run(replying: widget) { url, log in
            let client = ConstructsClient(token: "tok-fixed-query", serverURL: url, configuration: wireConfiguration())
            #expect(try await client.widgets.retrieveBeta(widgetId: "w 1", expand: "parts").name == "Sprocket")
            _ = try await client.widgets.retrieveBeta(widgetId: "w1")
            _ = try await client.widgets.retrieve(widgetId: "w1")
            return await log.lines
        }
        #expect(lines == [
            "GET /widgets/w%201?beta=true&expand=parts",
            "GET /widgets/w1?beta=true",
            "GET /widgets/w1",
        ])
    }
}
