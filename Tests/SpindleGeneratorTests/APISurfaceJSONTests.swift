import Foundation
import SpindleIR
import Testing

@testable import SpindleGenerator

/// `APISurface.json()` is written by hand for speed. On Linux it must stay byte for byte what
/// `JSONEncoder` wrote with the options it replaced, so stored surfaces do not churn; everywhere, keys
/// are in `String` order (Apple platforms' `JSONEncoder` sorts differently, so those comparisons run on
/// Linux only).
@Suite struct APISurfaceJSONTests {
    static func encoderJSON(_ surface: APISurface) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(surface), as: UTF8.self) + "\n"
    }

    /// A surface with the given members (`APISurface` is otherwise built from an IR module).
    static func surface(
        module: String, version: String, operations: [String: APISurface.OperationSurface],
        types: [String: APISurface.TypeSurface], names: NameLock, errorBody: APISurface.ErrorBodySurface? = nil
    ) -> APISurface {
        let empty = #"{"module": "", "version": "", "operations": {}, "types": {}, "names": {"types": {}, "operations": {}}}"#
        var surface = try! JSONDecoder().decode(APISurface.self, from: Data(empty.utf8))
        surface.module = module
        surface.version = version
        surface.operations = operations
        surface.types = types
        surface.names = names
        surface.errorBody = errorBody
        return surface
    }

    static let tricky = surface(
        module: "Shop",
        version: "2024-01-01 \"beta\"\\",
        operations: [
            "orders.list": .init(method: "GET", path: "/v1/orders/{id}", parameters: [:], returns: "[Order]"),
            "Orders.create": .init(
                method: "POST", path: "/v1/orders", parameters: ["b": "String?", "a10": "Int", "a9": "Int", "B": "Bool"],
                returns: "Order"),
        ],
        types: [
            "Order": .init(kind: "struct", properties: [:]),
            "Order.Status": .init(kind: "enum", values: ["open", "tab\there", "line\nbreak", "\u{1}\u{1F}", "é", "😀", "\u{2028}"]),
            "Payment": .init(kind: "union", cases: ["card": "Card", "bank": "Bank"]),
            "Ids": .init(kind: "alias", target: "[String]"),
            "Empty": .init(kind: "enum", values: []),
            "Émoji": .init(kind: "union", cases: [:]),
        ],
        names: NameLock(types: ["enum:a\u{1}b": ["Order", "Status"], "component:Z": ["Z"], "component:a": []], operations: [:]),
        errorBody: .init(name: "ShopErrorBody", cases: ["notFound": "NotFound", "default": "[String: JSONValue]", "list": "[Problem]"]))

    #if os(Linux)
    @Test func matchesJSONEncoderOnTrickyContent() throws {
        #expect(Self.tricky.json() == (try Self.encoderJSON(Self.tricky)))
    }

    @Test func matchesJSONEncoderWhenEmpty() throws {
        let empty = Self.surface(module: "", version: "", operations: [:], types: [:], names: NameLock())
        #expect(empty.json() == (try Self.encoderJSON(empty)))
    }
    #endif

    @Test func writesKeysInStringOrderWithJSONEncodersLayout() {
        let surface = Self.surface(
            module: "M", version: "1",
            operations: ["x": .init(method: "GET", path: "/a/{b}", parameters: ["a9": "Int", "B": "Bool", "a10": "Int?", "_": "S"], returns: "Void")],
            types: ["T": .init(kind: "enum", values: ["q\"\\\u{1}\n"])], names: NameLock())
        #expect(
            surface.json() == #"""
                {
                  "module" : "M",
                  "names" : {
                    "operations" : {

                    },
                    "types" : {

                    }
                  },
                  "operations" : {
                    "x" : {
                      "method" : "GET",
                      "parameters" : {
                        "B" : "Bool",
                        "_" : "S",
                        "a10" : "Int?",
                        "a9" : "Int"
                      },
                      "path" : "/a/{b}",
                      "returns" : "Void"
                    }
                  },
                  "types" : {
                    "T" : {
                      "kind" : "enum",
                      "values" : [
                        "q\"\\\u0001\n"
                      ]
                    }
                  },
                  "version" : "1"
                }

                """#)
    }

    /// Mock examples quote strings with the same escaper.
    @Test func quotedStringsMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in ["", "plain", "q\"\\/", "tab\there\r\n\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "é😀\u{2028}"] {
            #expect(ExampleJSON.quoted(text) == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
    }

    @Test func readsBackAsTheSameSurface() throws {
        let decoded = try JSONDecoder().decode(APISurface.self, from: Data(Self.tricky.json().utf8))
        #expect(decoded == Self.tricky)
    }
}
