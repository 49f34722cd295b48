import Constructs
import Foundation
import SpindleRuntime
import Testing

/// Issue #28: timestamps come back as the server sent them, and what is not a timestamp of the declared
/// format is a located error. The constructs `Widget` has every declared variant: `created_at` (RFC 3339,
/// required), `archived_at` (RFC 3339, required and nullable), `updated_ms` (unix milliseconds, integer
/// int64, optional), `sequence_s` (unix seconds, integer int32, optional), `expires_s` (unix seconds,
/// `type: number`, optional and nullable). Over real HTTP on 127.0.0.1.
@Suite struct WireTimestampTests {
    static let key = "sk_test_timestamps_5c1a"

    /// A stored widget with the timestamps given (as JSON) and other `members`.
    static func widget(
        createdAt: String = #""2025-01-02T03:04:05Z""#, archivedAt: String = "null", _ members: String = ""
    ) -> String {
        #"{"id": "w1", "name": "Bolt", "color": "red", "created_at": \#(createdAt), "archived_at": \#(archivedAt)"#
            + (members.isEmpty ? "" : ", " + members) + "}"
    }

    /// Fetches `stored`, optionally changes the widget, sends it back, and returns the body sent.
    private func roundTrip(_ stored: String, change: (inout Widget) -> Void = { _ in }) async throws -> String {
        try await WireServer.run({ request, _ in
            request.method == "GET" ? .json(stored) : .json(request.body)
        }) { url, log in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            var widget = try await client.widgets.retrieve(widgetId: "w1")
            change(&widget)
            _ = try await client.widgets.update(widgetId: "w1", body: widget)
            return String(decoding: await log.requests[1].body, as: UTF8.self)
        }
    }

    private func decodingFailure(_ stored: String) async throws -> DecodingFailure? {
        let error = try await WireServer.run(replying: .json(stored)) { url, _ async -> ConstructsError? in
            let client = ConstructsClient(token: Self.key, serverURL: url, configuration: wireConfiguration())
            return await thrown { () async throws(ConstructsError) in _ = try await client.widgets.retrieve(widgetId: "w1") }
        }
        guard case .decoding(let failure)? = error else {
            Issue.record("expected a decoding failure, got \(String(describing: error))")
            return nil
        }
        return failure
    }

    /// `9999-12-31T23:59:59.999999Z` decoded to the `Date` of year 10000 and could not be encoded;
    /// `.123456789Z` came back as `.123457Z`.
    @Test("RFC 3339 timestamps go back with the instant and precision sent", arguments: [
        "9999-12-31T23:59:59.999999Z", "2025-01-02T03:04:05.123456789Z", "2025-01-02T03:04:05.1Z",
        "2025-01-02T03:04:05+02:00", "2025-01-02T03:04:05.000000001-07:30", "0000-01-01T00:00:00Z", "2025-01-02t03:04:05z",
    ])
    func rfc3339GoesBackAsSent(text: String) async throws {
        let sent = try await roundTrip(Self.widget(createdAt: #""\#(text)""#, archivedAt: #""\#(text)""#))
        #expect(sent.contains(#""created_at":"\#(text)""#), "\(sent)")
        #expect(sent.contains(#""archived_at":"\#(text)""#), "\(sent)")
    }

    /// `9223372036854775807` went back as `9.223372036854776E+18`.
    @Test("unix timestamps go back as the integer or number sent", arguments: [
        #""updated_ms": 9223372036854775807"#, #""updated_ms": -9223372036854775808"#, #""updated_ms": 1771409161016"#,
        #""updated_ms": 0"#, #""sequence_s": 2147483647"#, #""sequence_s": -2147483648"#,
        #""expires_s": 1771409161.016501234"#, #""expires_s": 1e300"#, #""expires_s": 17714091610165E-4"#,
        #""expires_s": null"#,
    ])
    func unixGoesBackAsSent(member: String) async throws {
        let sent = try await roundTrip(Self.widget(member))
        #expect(sent.contains(member.replacingOccurrences(of: ": ", with: ":")), "\(sent)")
    }

    /// `1e300`, `2^63` and fractions were accepted for `format: int64`.
    @Test("values that are not a timestamp of the declared format are located errors", arguments: [
        ("updated_ms", "1e300", "an integer of format int64"),
        ("updated_ms", "9223372036854775808", "an integer of format int64"),
        ("updated_ms", "1771409161016.5", "an integer of format int64"),
        ("updated_ms", "\"1771409161016\"", "an integer of format int64"),
        ("sequence_s", "2147483648", "an integer of format int32"),
        ("sequence_s", "1.5", "an integer of format int32"),
        ("expires_s", "1e400", "a number"),
        ("expires_s", "true", "a number"),
        ("created_at", "\"2025-13-01T00:00:00Z\"", "RFC 3339"),
        ("created_at", "1771409161016", "RFC 3339"),
    ])
    func invalidTimestampsAreLocated(member: String, value: String, expected: String) async throws {
        let stored = member == "created_at" ? Self.widget(createdAt: value) : Self.widget(#""\#(member)": \#(value)"#)
        let failure = try #require(try await decodingFailure(stored))
        #expect(failure.path == member)
        #expect(failure.message.contains(expected), "\(failure.message)")
        if value.first != "\"", value != "true", member != "created_at" {
            #expect(failure.message.contains(value), "the number as sent: \(failure.message)")
        }
    }

    @Test("a required timestamp that is missing or null is a located error")
    func missingOrNullRequiredTimestamp() async throws {
        let missing = #"{"id": "w1", "name": "Bolt", "color": "red", "archived_at": null}"#
        let absent = try #require(try await decodingFailure(missing))
        #expect(absent.path == "created_at")
        #expect(absent.message.contains("missing"))
        let null = try #require(try await decodingFailure(Self.widget(createdAt: "null")))
        #expect(null.path == "created_at")
        #expect(null.message.contains("found null"))
    }

    @Test("a changed timestamp is written in the declared format")
    func changedTimestampsUseTheDeclaredFormat() async throws {
        let stored = Self.widget(
            createdAt: #""2025-01-02T03:04:05.123456789+02:00""#,
            #""updated_ms": 9223372036854775807, "sequence_s": 5, "expires_s": 1e300"#)
        let sent = try await roundTrip(stored) { widget in
            widget.createdAt = Date(timeIntervalSince1970: 1_735_787_045.25)
            widget.updatedMs = Date(timeIntervalSince1970: 1_771_409_161.0166)
            widget.sequenceS = Date(timeIntervalSince1970: 1_700_000_000.4)
            widget.expiresS = .value(Date(timeIntervalSince1970: 1_771_409_161.5))
            widget.archivedAt = widget.archivedAt
        }
        #expect(sent.contains(#""created_at":"2025-01-02T03:04:05.250Z""#), "\(sent)")
        #expect(sent.contains(#""updated_ms":1771409161017"#), "\(sent)")
        #expect(sent.contains(#""sequence_s":1700000000"#), "\(sent)")
        #expect(sent.contains(#""expires_s":1771409161.5"#), "\(sent)")
        #expect(sent.contains(#""archived_at":null"#), "\(sent)")
    }

    @Test("assigning the same instant keeps the server's spelling")
    func sameInstantKeepsTheWireForm() async throws {
        let stored = Self.widget(createdAt: #""2025-01-02T05:04:05+02:00""#, #""updated_ms": 1771409161016"#)
        let sent = try await roundTrip(stored) { widget in
            widget.createdAt = Date(timeIntervalSince1970: 1_735_787_045)
            widget.updatedMs = widget.updatedMs
        }
        #expect(sent.contains(#""created_at":"2025-01-02T05:04:05+02:00""#), "\(sent)")
        #expect(sent.contains(#""updated_ms":1771409161016"#), "\(sent)")
    }
}
