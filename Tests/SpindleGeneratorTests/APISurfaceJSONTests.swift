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

    /// A surface with every member format 2 writes, holding text that needs escaping.
    static let tricky: APISurface = {
        var surface = formatOne
        surface.format = APISurface.currentFormat
        surface.client = .init(name: "ShopClient", initializer: "init(apiKey:serverURL:configuration:)")
        surface.operations["orders.list"]?.signature = "list(id:options:)"
        surface.operations["orders.list"]?.pagination = .init(page: "OrderPage", item: "[Order]")
        surface.operations["orders.list"]?.deprecated = ""
        surface.operations["Orders.create"]?.deprecatedParameters = ["b": "Use \"a\"\\ instead.\n", "a9": ""]
        surface.types["Order"]?.initializer = "init(additionalProperties:)"
        surface.types["Order"]?.deprecated = "é😀\u{2028}"
        surface.types["Order"]?.deprecatedProperties = ["total": "", "note": "tab\there"]
        surface.types["Order.Status"]?.cases = ["open": "open", "tabHere": "tab\there"]
        surface.types["Order.Status"]?.values = nil
        surface.types["Ids"]?.declaredAs = "Other.Ids"
        surface.types["Old"] = .init(kind: "alias", target: "Order", deprecated: "renamed to Order", renamed: true)
        return surface
    }()

    /// A surface as format 1 wrote it: no format, client, signatures, pagination or deprecations.
    static let formatOne = surface(
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
        for surface in [Self.tricky, Self.formatOne] {
            let decoded = try JSONDecoder().decode(APISurface.self, from: Data(surface.json().utf8))
            #expect(decoded == surface)
        }
    }

    #if os(Linux)
    @Test func matchesJSONEncoderInFormatOne() throws {
        #expect(Self.formatOne.json() == (try Self.encoderJSON(Self.formatOne)))
    }
    #endif
}
