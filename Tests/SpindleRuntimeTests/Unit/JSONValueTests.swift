import Foundation
import SpindleRuntime
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("parsing keeps member order and writing reproduces it")
    func orderRoundTrip() throws {
        let text = #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x","a":-0.5}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(value.jsonString() == text)
    }

    @Test("large integers keep every digit")
    func bigIntegers() throws {
        let text = #"[9007199254740993,18446744073709551615,123456789012345678901234567890,-9223372036854775808]"#
        let value = try JSONValue(parsing: text)
        #expect(value.jsonString() == text)
        #expect(value[0]?.numberValue?.int64Value == 9_007_199_254_740_993)
        #expect(value[3]?.intValue == Int.min)
    }

    @Test("large integers survive Codable round trips through Foundation's coders")
    func bigIntegersThroughCodable() throws {
        let data = Data(#"{"id":9007199254740993,"huge":123456789012345678901234567890,"f":0.1}"#.utf8)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(decoded["id"] == .number(JSONNumber(Int64(9_007_199_254_740_993))))
        #expect(decoded["huge"]?.numberValue?.text == "123456789012345678901234567890")
        #expect(decoded["f"]?.doubleValue == 0.1)
        let reencoded = try JSONValue(parsing: try JSONCoding.makeEncoder().encode(decoded))
        #expect(reencoded == decoded)
    }

    /// Issue #28: through `JSONCoding`, as the client decodes responses and encodes bodies, every number keeps
    /// its literal text; `1e400` is no longer "Not a JSON value".
    @Test("numbers keep their literal text through JSONCoding's decoding and encoding")
    func literalNumbersThroughJSONCoding() throws {
        let text = #"{"a":123456789012345678901234567890.5,"b":1e400,"c":[1.0,-0,1E-7,{"d":100e-2}],"e":"1e400","f":7}"#
        let decoded = try JSONCoding.decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded["b"]?.numberValue?.text == "1e400")
        #expect(decoded["c"]?[0]?.numberValue?.text == "1.0")
        #expect(String(decoding: try JSONCoding.encode(decoded), as: UTF8.self) == text)
        struct Holder: Codable, Equatable {
            var values: [String: JSONValue]
            var list: [JSONValue]
        }
        let holder = try JSONCoding.decode(Holder.self, from: Data(#"{"list":[1e400,0.10],"values":{"1":2.50}}"#.utf8))
        #expect(holder.values["1"]?.numberValue?.text == "2.50")
        #expect(String(decoding: try JSONCoding.encode(holder), as: UTF8.self) == #"{"list":[1e400,0.10],"values":{"1":2.50}}"#)
    }

    @Test("literal numbers are found under escaped names, among whitespace and in wide maps")
    func literalNumbersInAwkwardDocuments() throws {
        let wide = (0..<40).map { #""k\#($0)": \#($0).50"# }.joined(separator: ", ")
        let text = "\u{FEFF}" + #" { "a\"b" : [ 1.10 , { "c\u0064" :2E1 } ] ,"wide": {\#(wide)}, "s": "x]}\"" } "#
        let decoded = try JSONCoding.decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded["a\"b"]?[0]?.numberValue?.text == "1.10")
        #expect(decoded["a\"b"]?[1]?["cd"]?.numberValue?.text == "2E1")
        #expect((0..<40).allSatisfy { decoded["wide"]?["k\($0)"]?.numberValue?.text == "\($0).50" })
        #expect(decoded["s"]?.stringValue == "x]}\"")
    }

    @Test("a string that looks like the splice's placeholder stays a string")
    func placeholderLookalikes() throws {
        let value: JSONValue = [
            "s": "spindle-number-0", "n": .number(JSONNumber(text: "1e400")!), "t": "\"spindle-number-", "k": [.string("spindle-number-1")],
        ]
        let encoded = String(decoding: try JSONCoding.encode(value), as: UTF8.self)
        #expect(encoded == #"{"k":["spindle-number-1"],"n":1e400,"s":"spindle-number-0","t":"\"spindle-number-"}"#)
    }

    @Test("through Foundation's coders alone, numbers Decimal holds stay exact and others are located errors")
    func numbersThroughFoundationAlone() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"[2.5,123456789012345678901234567890]"#.utf8))
        #expect(decoded == [2.5, .number(JSONNumber(text: "123456789012345678901234567890")!)])
        let exact = try JSONEncoder().encode(JSONValue.array([.number(JSONNumber(text: "123456789012345678901234567890.5")!)]))
        #expect(String(decoding: exact, as: UTF8.self) == "[123456789012345678901234567890.5]")
    }

    @Test("numbers compare numerically")
    func numericEquality() throws {
        #expect(try JSONValue(parsing: "1.0") == 1)
        #expect(try JSONValue(parsing: "1e2") == 100)
        #expect(JSONNumber(text: "2.50") == JSONNumber(2.5))
        #expect(JSONNumber(text: "01") == nil)
        #expect(JSONNumber(1e21).text == "1000000000000000000000")
    }

    @Test("literals build values with ordered objects")
    func literals() {
        let value: JSONValue = ["name": "x", "count": 2, "ratio": 0.5, "ok": true, "none": nil, "list": [1, "a"]]
        #expect(value.jsonString() == #"{"name":"x","count":2,"ratio":0.5,"ok":true,"none":null,"list":[1,"a"]}"#)
        #expect(value["count"]?.intValue == 2)
        #expect(value["none"]?.isNull == true)
        #expect(value["list"]?[1]?.stringValue == "a")
    }

    @Test("objects compare without regard to order")
    func objectEquality() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"b":2}"#) == JSONValue(parsing: #"{"b":2,"a":1}"#))
        #expect(try JSONValue(parsing: #"{"a":1}"#) != JSONValue(parsing: #"{"a":2}"#))
    }

    @Test("strings escape and unescape, including surrogate pairs")
    func strings() throws {
        let value = try JSONValue(parsing: #"["line\nbreak \"q\" \\ \u00e9 \ud83d\ude00 \u0001"]"#)
        #expect(value[0]?.stringValue == "line\nbreak \"q\" \\ é 😀 \u{01}")
        #expect(value.jsonString() == #"["line\nbreak \"q\" \\ é 😀 \u0001"]"#)
    }

    @Test("invalid JSON is rejected with a position", arguments: ["{", "[1,]", #"{"a" 1}"#, "tru", "1 2", #""\ud800""#, "-", "01"])
    func invalid(text: String) {
        #expect(throws: DecodingFailure.self) { try JSONValue(parsing: text) }
    }

    @Test("decode re-reads a value as a model")
    func decodeAsModel() throws {
        let value: JSONValue = ["id": "w1", "name": "Widget"]
        #expect(try value.decode(as: Widget.self) == Widget(id: "w1", name: "Widget"))
    }
}
