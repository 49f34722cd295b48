import Foundation
import SpindleRuntime
import Testing

@Suite("Model coding helpers")
struct ModelCodingTests {
    /// Generated-style model with explicit coding.
    struct Patch: Codable, Equatable {
        var nickname: OptionalValue<String> = .absent
        var deletedAt: String?

        enum CodingKeys: String, CodingKey { case nickname, deletedAt }

        init(nickname: OptionalValue<String> = .absent, deletedAt: String? = nil) {
            self.nickname = nickname
            self.deletedAt = deletedAt
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            nickname = try container.decodeNullable(forKey: .nickname)
            deletedAt = try container.decodeIfPresent(String.self, forKey: .deletedAt)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(nickname, forKey: .nickname)
            try container.encodeAlways(deletedAt, forKey: .deletedAt)
        }
    }

    private func encode(_ value: some Encodable) throws -> String {
        try JSONCoding.makeEncoder().encode(value).text
    }

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test("absent, null and a value encode differently; required-nullable always encodes")
    func absentVersusNull() throws {
        #expect(try encode(Patch(nickname: .absent)) == #"{"deletedAt":null}"#)
        #expect(try encode(Patch(nickname: .null)) == #"{"deletedAt":null,"nickname":null}"#)
        #expect(try encode(Patch(nickname: .value("Bo"), deletedAt: "x")) == #"{"deletedAt":"x","nickname":"Bo"}"#)
    }

    @Test("decoding tells absent from null")
    func decodeAbsentVersusNull() throws {
        #expect(try decode(Patch.self, "{}").nickname == .absent)
        #expect(try decode(Patch.self, #"{"nickname":null}"#).nickname == .null)
        #expect(try decode(Patch.self, #"{"nickname":"Bo"}"#).nickname == .value("Bo"))
    }

    @Test("synthesized Codable also leaves absent keys out")
    func synthesized() throws {
        struct Synthesized: Codable, Equatable {
            var note: OptionalValue<Int> = .absent
            var name = "n"
        }
        #expect(try encode(Synthesized()) == #"{"name":"n"}"#)
        #expect(try encode(Synthesized(note: nil)) == #"{"name":"n","note":null}"#)
        #expect(try decode(Synthesized.self, #"{"name":"n"}"#) == Synthesized())
        #expect(try decode(Synthesized.self, #"{"name":"n","note":4}"#).note.wrapped == 4)
    }

    @Test("OptionalValue conveniences")
    func conveniences() {
        #expect(OptionalValue<Int>(nil) == .null)
        #expect(OptionalValue(3).map { $0 * 2 } == .value(6))
        #expect(OptionalValue<Int>.absent.isAbsent)
        #expect(OptionalValue<Int>.null.isNull)
    }

    @Test("open enums round-trip unknown values unchanged")
    func openEnumUnknown() throws {
        let decoded = try decode([VendorIdentifier].self, #"["STRIPE","SALESFORCE"]"#)
        #expect(decoded == [.stripe, VendorIdentifier(rawValue: "SALESFORCE")])
        #expect(decoded.map(\.isKnown) == [true, false])
        #expect(try encode(decoded) == #"["STRIPE","SALESFORCE"]"#)
        #expect(decoded[1].description == "SALESFORCE")
    }

    @Test("integer open enums")
    func integerOpenEnum() throws {
        #expect(try decode([Priority].self, "[1,7]") == [.low, Priority(rawValue: 7)])
        #expect(try encode([Priority(rawValue: 7)]) == "[7]")
    }

    @Test("open enums accept string literals when they declare it")
    func literal() {
        struct Color: OpenEnum, ExpressibleByStringLiteral {
            let rawValue: String
            init(rawValue: String) { self.rawValue = rawValue }
            static let allKnownValues: [Self] = ["red"]
        }
        let red: Color = "red"
        #expect(red.isKnown)
    }
}
