import Constructs
import Foundation
import SpindleRuntime
import Testing

/// The generated constructs module decodes and re-encodes payloads the way the issue asks:
/// unknown enum values, unmatched unions, explicit nulls versus absent keys, recursion, dates.
@Suite struct GeneratedCodeBehaviourTests {
    let decoder = JSONCoding.makeDecoder()
    let encoder = JSONCoding.makeEncoder()

    func json<T: Encodable>(_ value: T) throws -> String {
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(T.self, from: Data(text.utf8))
    }

    static let widget = #"""
        {"id": "w1", "name": "Bolt", "created_at": "2025-01-02T03:04:05Z", "archived_at": null,
         "due": "2025-02-01", "updated_ms": 1771409161016, "note": null, "color": "GREEN_LIGHT",
         "priority": 2, "labels": {"a": "b"}, "attributes": {"x": [1, 2.5, "s", true, null]},
         "payload": 12345678901234567890, "shape": {"side": 2, "label": "L"},
         "parent": {"name": "root", "parent": {"name": "deeper"}}, "default": true, "unknown_field": 1}
        """#

    @Test func widgetDecodesEveryKindOfProperty() throws {
        let widget = try decode(Widget.self, Self.widget)
        #expect(widget.createdAt == Date(timeIntervalSince1970: 1_735_787_045))
        #expect(widget.archivedAt == nil)
        #expect(widget.due == CalendarDate(year: 2025, month: 2, day: 1))
        #expect(widget.updatedMs == Date(timeIntervalSince1970: 1_771_409_161.016))
        #expect(widget.note == .null)
        #expect(widget.color == .greenLight)
        #expect(widget.priority == Priority(rawValue: 2))
        #expect(widget.parent?.parent?.name == "deeper")
        #expect(widget.default == true)
        guard case .labeledSquare(let square)? = widget.shape else {
            Issue.record("shape decoded as \(String(describing: widget.shape))")
            return
        }
        #expect(square.label == "L")
    }

    @Test func widgetRoundTripsKeepingNullsAndBigNumbers() throws {
        let widget = try decode(Widget.self, Self.widget)
        let text = try json(widget)
        // Explicit nulls stay; the unknown field is kept; the 20-digit number is exact.
        #expect(text.contains(#""archived_at":null"#))
        #expect(text.contains(#""note":null"#))
        #expect(text.contains("12345678901234567890"))
        #expect(text.contains(#""unknown_field":1"#))
        #expect(widget.additionalProperties == ["unknown_field": 1])
        #expect(text.contains(#""updated_ms":1771409161016"#))
        // An unchanged timestamp goes back as the server wrote it; a changed one in the runtime's format.
        #expect(text.contains(#""created_at":"2025-01-02T03:04:05Z""#))
        #expect(try decode(Widget.self, text) == widget)
        var changed = widget
        changed.createdAt += 1
        #expect(try json(changed).contains(#""created_at":"2025-01-02T03:04:06.000Z""#))
    }

    @Test func fractionalSecondsAreAcceptedToo() throws {
        let widget = try decode(Widget.self, Self.widget.replacingOccurrences(of: "03:04:05Z", with: "03:04:05.250Z"))
        #expect(widget.createdAt == Date(timeIntervalSince1970: 1_735_787_045.25))
    }

    @Test func unknownEnumValuesRoundTrip() throws {
        let widget = try decode(Widget.self, Self.widget.replacingOccurrences(of: "GREEN_LIGHT", with: "ULTRAVIOLET"))
        #expect(widget.color.rawValue == "ULTRAVIOLET")
        #expect(!widget.color.isKnown)
        #expect(try json(widget).contains(#""color":"ULTRAVIOLET""#))
        #expect(Color.allKnownValues == [.red, .greenLight, .empty, .default])
        #expect(try decode(Priority.self, "9").rawValue == 9)
    }

    @Test func absentNullAndValueEncodeDifferently() throws {
        #expect(try json(WidgetPatch()) == "{}")
        #expect(try json(WidgetPatch(note: .null)) == #"{"note":null}"#)
        #expect(try json(WidgetPatch(name: "n", note: .value("x"))) == #"{"name":"n","note":"x"}"#)
        #expect(try decode(WidgetPatch.self, "{}").note == .absent)
        #expect(try decode(WidgetPatch.self, #"{"note": null}"#).note == .null)
    }

    @Test func unionsPickTheMostSpecificVariantWhateverTheOrder() throws {
        guard case .square = try decode(Shape.self, #"{"side": 1}"#) else { Issue.record("expected square"); return }
        guard case .labeledSquare = try decode(Shape.self, #"{"label": "x", "side": 1}"#) else { Issue.record("expected labeled"); return }
        guard case .circle = try decode(Shape.self, #"{"radius": 1}"#) else { Issue.record("expected circle"); return }
        let unmatched = try decode(Shape.self, #"{"edges": 5}"#)
        guard case .unknown = unmatched else { Issue.record("expected unknown, got \(unmatched)"); return }
        #expect(try json(unmatched) == #"{"edges":5}"#)
    }

    @Test func discriminatedUnionsFollowTheDiscriminator() throws {
        guard case .dog(let dog) = try decode(Pet.self, #"{"kind": "dog", "good": true}"#) else { Issue.record("expected dog"); return }
        #expect(dog.good)
        guard case .cat(let cat) = try decode(Pet.self, #"{"kind": "cat", "lives": 9}"#) else { Issue.record("expected cat"); return }
        #expect(cat.lives == 9)
    }

    @Test func allOfMergesIntoOneStruct() throws {
        let note = try decode(Note.self, #"{"created_at": "2025-01-01T00:00:00Z", "text": "hi"}"#)
        #expect(note.text == "hi")
    }

    @Test func annotatedAllOfsAreTheReferencedTypes() throws {
        let listing = try decode(
            Listing.self,
            #"{"currency": "eur", "seller": null, "token": "tok_1", "price": "usd", "metadata": {"k": "v"}, "counts": {"a": 1}}"#)
        // Typed bindings: these lines compile only while the properties have the referenced types.
        let currency: Currency = listing.currency
        let seller: Timestamped? = listing.seller
        let token: TokenString? = listing.token
        let price: Currency? = listing.price
        let counts: [String: Int]? = listing.counts
        #expect(currency == .eur && seller == nil && token == "tok_1" && price == .usd && counts == ["a": 1])
        #expect(listing.metadata == ["k": "v"])
        // `nullable` from an allOf part: the null is sent, not left out.
        #expect(try json(listing).contains(#""seller":null"#))
    }

    @Test func recursiveValuesKeepValueSemantics() throws {
        var child = Category(name: "child", parent: Category(name: "root"))
        let copy = child
        child.parent?.name = "changed"
        #expect(copy.parent?.name == "root")
        #expect(child.parent?.name == "changed")
    }

    /// Regression: `Nesting: {type: array, items: Nesting}` was `typealias Nesting = [Nesting]`, which does
    /// not compile. As a wrapper struct it decodes and encodes as the plain JSON array, at any depth.
    @Test func aliasesOfThemselvesRoundTripAsTheirValues() throws {
        let text = "[[],[[],[[]]]]"
        let nesting = try decode(Nesting.self, text)
        #expect(nesting.value.count == 2)
        #expect(nesting.value[1].value[1].value[0].value.isEmpty)
        #expect(try json(nesting) == text)
        #expect(try json(Nesting([Nesting([])])) == "[[]]")

        let forest = try decode(Forest.self, #"{"a":[{"b":[]},{}],"c":[]}"#)
        #expect(forest.value["a"]?.value[0].value["b"]?.value.isEmpty == true)
        #expect(try json(forest) == #"{"a":[{"b":[]},{}],"c":[]}"#)
        // Decoding failures still name the path.
        #expect {
            try decode(Nesting.self, "[[], [1]]")
        } throws: { error in
            "\(error)".contains("[1][0]")
        }
    }

    @Test func decodingFailuresNameTheJSONPath() throws {
        let bad = Self.widget.replacingOccurrences(of: #""label": "L""#, with: #""label": 5"#)
            .replacingOccurrences(of: #""name": "deeper""#, with: #""name": 7"#)
        do {
            _ = try decode(Widget.self, bad)
            Issue.record("expected a failure")
        } catch let error as DecodingError {
            #expect(DecodingFailure(error, rawBody: Data(bad.utf8)).path == "parent.parent.name")
        }
    }
}

/// The generated constructs client without a token: operations that require one fail before sending, the
/// optional (`security: [{}, {bearerAuth: []}]`) and public (`security: []`) ones go out.
@Suite struct GeneratedCredentialRequirementTests {
    private func client(token: String? = nil) -> (ConstructsClient, RecordingTransport) {
        let transport = RecordingTransport(status: 204)
        let client = ConstructsClient(
            token: token,
            configuration: ClientConfiguration(transport: transport, retryPolicy: RetryPolicy(maxRetries: 0))
        )
        return (client, transport)
    }

    @Test func requiredSecurityWithoutATokenFailsBeforeSending() async throws {
        try #require(ProcessInfo.processInfo.environment["CONSTRUCTS_TOKEN"] == nil)
        let (constructs, transport) = client()
        do throws(ConstructsError) {
            try await constructs.widgets.delete(widgetId: "w1")
            Issue.record("expected .missingCredential")
        } catch {
            guard case .missingCredential(let failure) = error else {
                Issue.record("expected .missingCredential, got \(error)")
                return
            }
            #expect(failure.schemes == [.bearer])
            #expect(failure.environmentVariable == "CONSTRUCTS_TOKEN")
            #expect(failure.request.description == "DELETE https://api.example.com/v1/widgets/w1")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func optionalAndAbsentSecurityGoOutWithoutAToken() async throws {
        try #require(ProcessInfo.processInfo.environment["CONSTRUCTS_TOKEN"] == nil)
        let (constructs, transport) = client()
        try await constructs.catalog.list()
        try await constructs.health.list()
        #expect(transport.requests.map(\.url.path) == ["/v1/catalog", "/v1/health"])
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"] == nil })
    }

    @Test func optionalSecurityStillSendsAGivenToken() async throws {
        let (constructs, transport) = client(token: "tok-1")
        try await constructs.catalog.list()
        try await constructs.widgets.delete(widgetId: "w1")
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Bearer tok-1", "Bearer tok-1"])
    }
}

/// Generated operations name themselves, as their call sites spell them, in every log event.
@Suite struct GeneratedOperationNameTests {
    @Test func everyEventOfAnOperationCarriesItsCallPath() async throws {
        let events = LockedEvents()
        let constructs = ConstructsClient(
            token: "tok-1",
            configuration: ClientConfiguration(
                transport: RecordingTransport(status: 204), retryPolicy: RetryPolicy(maxRetries: 0), logger: events.append
            )
        )
        try await constructs.health.list()
        try await constructs.widgets.delete(widgetId: "w1")
        #expect(events.all.map(\.operation) == ["health.list", "health.list", "widgets.delete", "widgets.delete"])
    }
}

/// Log events collected from a client.
private final class LockedEvents: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var events: [LogEvent] = []

    var all: [LogEvent] { lock.withLock { events } }

    @Sendable func append(_ event: LogEvent) {
        lock.withLock { events.append(event) }
    }
}
