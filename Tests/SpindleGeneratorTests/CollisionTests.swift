import Collisions
import Foundation
import SpindleRuntime
import Testing

/// The collisions golden module (`Tests/GoldenSpecs/collisions`) compiles, which is most of the test; these
/// check that the renamed members still carry the right JSON keys both ways.
@Suite struct CollisionTests {
    /// Every key of `Locals`, with distinct values so a swapped key would show.
    static let locals = #"""
        {"container": "c", "decoder": "d", "encoder": "e", "value": 1, "request": "r", "client": "cl",
         "options": "o", "response": "rs", "wrap": "w", "keys": ["k"], "index": 2, "variants": "vs",
         "unknown": "u", "additionalProperties": "ap", "additional_properties": "ap2", "CodingKeys": "ck",
         "rawValue": "rv", "hash": "h", "description": "desc", "hashValue": 3, "serverURL": "s",
         "configuration": "cf", "token": "t", "self": "me", "Self": "Me", "Type": "ty",
         "Date": "2025-01-02T03:04:05.000Z", "URL": "url", "Data": "data", "JSONValue": {"any": [1]},
         "OptionalValue": null, "HTTPRequest": "hr", "Collisions": "mod", "CollisionsClient": "cc",
         "_": "underscore", "__v": 4, "3ds": true, "1": "one", "": "empty", "kind": "Self",
         "shape": {"code": "3ds_required"}, "extra": {"kept": true}}
        """#

    @Test func propertiesNamedLikeLocalsRoundTrip() throws {
        let original = try JSONValue(parsing: Self.locals)
        let locals = try original.decode(as: Locals.self)
        #expect(locals.container == "c")
        #expect(locals.decoder == "d")
        #expect(locals.`self` == "me")
        #expect(locals.self2 == "Me")
        #expect(locals.additionalProperties2 == "ap")
        #expect(locals.additionalProperties3 == "ap2")
        #expect(locals.additionalProperties == ["extra": ["kept": true]])
        #expect(locals.optionalValue == .null)
        #expect(locals._3ds == true)
        #expect(locals.kind == .self2)
        guard case ._3DsCardsNotSupportedVariant(let failure)? = locals.shape else {
            Issue.record("shape decoded as \(String(describing: locals.shape))")
            return
        }
        #expect(failure.code == "3ds_required")
        #expect(try JSONValue(encoding: locals) == original)
    }

    @Test func propertiesNamedLikeKeywordsRoundTrip() throws {
        let names = [
            "class", "struct", "func", "let", "var", "default", "return", "in", "is", "as", "nil", "Any", "some",
            "any", "throws", "where", "protocol", "Protocol", "import", "operator", "repeat", "while", "case",
            "enum", "extension", "subscript", "init", "deinit", "inout", "static", "typealias", "associatedtype",
            "private", "public", "internal", "fileprivate", "open", "break", "continue", "fallthrough", "defer",
            "do", "else", "for", "guard", "if", "switch", "throw", "try", "await", "catch", "super", "rethrows",
            "precedencegroup", "async", "actor", "nonisolated", "consume", "borrowing",
        ]
        var members = JSONObject(names.map { ($0, JSONValue.string("v-\($0)")) })
        members["true"] = true
        members["false"] = false
        let original = JSONValue.object(members)
        let keywords = try original.decode(as: Keywords.self)
        #expect(keywords.class == "v-class")
        #expect(keywords.default == "v-default")
        #expect(keywords.additionalProperties.isEmpty)
        #expect(try JSONValue(encoding: keywords) == original)
    }

    @Test func unionVariantsNamedLikeTheFallbackOrTheirTypes() throws {
        let cases: [(String, (Outcome) -> Bool)] = [
            (#"{"mystery": "m"}"#, { if case .unknownVariant = $0 { true } else { false } }),
            (#"{"variants": 2}"#, { if case .variantsVariant = $0 { true } else { false } }),
            (#"{"reason": "r"}"#, { if case .cardFailure = $0 { true } else { false } }),
            (#"{"under": "u"}"#, { if case .underscored = $0 { true } else { false } }),
            (#"{"secret": "s"}"#, { if case .privateThing = $0 { true } else { false } }),
            (#"{"nothing": "known"}"#, { if case .unknown = $0 { true } else { false } }),
        ]
        for (json, matches) in cases {
            let value = try JSONValue(parsing: json)
            let outcome = try value.decode(as: Outcome.self)
            #expect(matches(outcome), "\(json) decoded as \(outcome)")
            #expect(try JSONValue(encoding: outcome) == value)
        }
    }

    @Test func enumValuesNamedLikeMembers() throws {
        #expect(Keyword.init2.rawValue == "init")
        #expect(Keyword.rawValue2.rawValue == "rawValue")
        #expect(Keyword.allKnownValues2.rawValue == "allKnownValues")
        #expect(Keyword.allKnownValues.count == 14)
        #expect(try JSONValue(parsing: #""Type""#).decode(as: Keyword.self) == .type)
    }
}
