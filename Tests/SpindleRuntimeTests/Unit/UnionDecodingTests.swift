import Foundation
import SpindleRuntime
import Testing

@Suite("Unions")
struct UnionDecodingTests {
    private let card = UnionVariant(required: ["type", "last4"], known: ["brand", "expiry"])
    private let bank = UnionVariant(required: ["type", "iban"], known: ["bic"])
    private let minimal = UnionVariant(required: ["type"], known: [])

    @Test("only variants whose required keys are present are candidates")
    func filtersByRequired() {
        #expect(UnionDecoding.rankedVariants(presentKeys: ["type", "iban"], variants: [card, bank, minimal]) == [1, 2])
        #expect(UnionDecoding.rankedVariants(presentKeys: ["other"], variants: [card, bank, minimal]) == [])
    }

    @Test("ranked by known keys present, then required keys, then declaration order")
    func ranking() {
        let loose = UnionVariant(required: [], known: ["type", "last4", "brand", "expiry"])
        #expect(UnionDecoding.rankedVariants(presentKeys: ["type", "last4", "brand"], variants: [minimal, loose, card])
            == [2, 1, 0])
        let twin = UnionVariant(required: ["type", "last4"], known: ["brand", "expiry"])
        #expect(UnionDecoding.rankedVariants(presentKeys: ["type", "last4"], variants: [card, twin]) == [0, 1])
    }

    /// A generated-style union with a raw fallback.
    enum PaymentMethod: Decodable, Equatable {
        struct Card: Decodable, Equatable { var type: String; var last4: String }
        struct Bank: Decodable, Equatable { var type: String; var iban: String }
        case card(Card)
        case bank(Bank)
        case unknown(JSONValue)

        static let variants = [
            UnionVariant(required: ["type", "last4"], known: ["brand"]),
            UnionVariant(required: ["type", "iban"], known: ["bic"]),
        ]

        init(from decoder: any Decoder) throws {
            let keys = UnionDecoding.objectKeys(in: decoder) ?? []
            for index in UnionDecoding.rankedVariants(presentKeys: keys, variants: Self.variants) {
                switch index {
                case 0: if let value = try? Card(from: decoder) { self = .card(value); return }
                case 1: if let value = try? Bank(from: decoder) { self = .bank(value); return }
                default: break
                }
            }
            self = .unknown(try JSONValue(from: decoder))
        }
    }

    @Test("generated-style union picks the variant or falls back to raw JSON")
    func generatedStyle() throws {
        let json = #"[{"type":"bank","iban":"DE00"},{"type":"card","last4":"4242"},{"type":"crypto","wallet":"x"}]"#
        let methods = try JSONDecoder().decode([PaymentMethod].self, from: Data(json.utf8))
        #expect(methods == [
            .bank(.init(type: "bank", iban: "DE00")),
            .card(.init(type: "card", last4: "4242")),
            .unknown(["type": "crypto", "wallet": "x"]),
        ])
    }

    @Test("discriminator reads a string property")
    func discriminator() throws {
        struct Probe: Decodable {
            var kind: String?
            init(from decoder: any Decoder) throws { kind = UnionDecoding.discriminator(in: decoder, key: "type") }
        }
        #expect(try JSONDecoder().decode(Probe.self, from: Data(#"{"type":"card"}"#.utf8)).kind == "card")
        #expect(try JSONDecoder().decode(Probe.self, from: Data(#"{"type":3}"#.utf8)).kind == nil)
        #expect(try JSONDecoder().decode(Probe.self, from: Data(#""text""#.utf8)).kind == nil)
    }
}
