import Constructs
import Foundation
import SpindleRuntime
import Testing

/// A body shape the spec repeats is declared once (`WidgetsLabelsUpdateRequest` names
/// `WidgetsLabelsCreateRequest`): both operations still take their own names, over real HTTP on 127.0.0.1.
@Suite struct WireRepeatedShapeTests {
    static let widget =
        #"{"id": "w1", "name": "Bolt", "created_at": "2025-01-02T03:04:05Z", "archived_at": null, "color": "red"}"#

    @Test func bothOperationsSendTheSharedShapeUnderTheirOwnNames() async throws {
        let (lines, bodies, widgets) = try await WireServer.run(replying: .json(Self.widget)) { url, log in
            let client = ConstructsClient(token: "sk_test_repeat", serverURL: url, configuration: wireConfiguration())
            let added = try await client.widgets.labels.create(
                widgetId: "w1",
                body: WidgetsLabelsCreateRequest(labels: [.init(key: "color", value: "red")], note: "first"))
            // Spelled with the repeat's own names, nested type included.
            let replacement = WidgetsLabelsUpdateRequest(
                labels: [WidgetsLabelsUpdateRequest.Label(key: "size")], note: nil)
            let replaced = try await client.widgets.labels.update(widgetId: "w1", body: replacement)
            let requests = await log.requests
            return (await log.lines, try requests.map { try JSONValue(parsing: $0.body) }, [added, replaced])
        }
        #expect(lines == ["POST /widgets/w1/labels", "PUT /widgets/w1/labels"])
        #expect(bodies[0] == ["labels": [["key": "color", "value": "red"]], "note": "first"])
        #expect(bodies[1] == ["labels": [["key": "size"]]])
        #expect(widgets.map(\.name) == ["Bolt", "Bolt"])
    }

    @Test func aDecodedRepeatKeepsUndeclaredMembers() throws {
        let text = #"{"labels": [{"key": "k", "origin": "import"}], "revision": 3}"#
        let decoded = try JSONCoding.makeDecoder().decode(WidgetsLabelsUpdateRequest.self, from: Data(text.utf8))
        #expect(decoded.labels.first?.additionalProperties == ["origin": "import"])
        #expect(decoded.additionalProperties == ["revision": 3])
        let sent = try JSONValue(parsing: try JSONCoding.makeEncoder().encode(decoded))
        #expect(sent == (try JSONValue(parsing: text)))
    }
}
