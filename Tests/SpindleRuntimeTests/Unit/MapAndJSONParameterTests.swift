import Foundation
import SpindleRuntime
import Testing

/// Parameters whose schema is a map (`additionalProperties`), free-form JSON or `format: byte`: Stripe's
/// `metadata` filters and Telnyx's object-valued query parameters did not compile before these conformed.
@Suite("Map, JSON and byte parameters")
struct MapAndJSONParameterTests {
    @Test("a string-keyed map as deepObject sends one bracketed pair per key, sorted")
    func mapAsDeepObject() {
        let metadata = ["plan": "pro", "account": "a b", "region": "eu"]
        #expect(query { $0.addQuery("metadata", metadata, style: .deepObject, explode: true) }
            == "metadata%5Baccount%5D=a%20b&metadata%5Bplan%5D=pro&metadata%5Bregion%5D=eu")
    }

    @Test("maps in form style: exploded as their entries, unexploded as key,value pairs")
    func mapAsForm() {
        let limits = ["max": 10, "min": 1]
        #expect(query { $0.addQuery("limits", limits) } == "max=10&min=1")
        #expect(query { $0.addQuery("limits", limits, explode: false) } == "limits=max,10,min,1")
    }

    @Test("nested maps and maps of arrays nest under deepObject")
    func nestedMaps() {
        let filter: [String: [String: [Int]]] = ["amount": ["in": [1, 2]]]
        #expect(query { $0.addQuery("f", filter, style: .deepObject, explode: true) }
            == "f%5Bamount%5D%5Bin%5D=1&f%5Bamount%5D%5Bin%5D=2")
    }

    @Test("the same map gives the same query however the dictionary happens to be ordered")
    func mapOrderIsDeterministic() {
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        let keys = (0..<50).map { "k\($0)" }
        for key in keys { forward[key] = key }
        for key in keys.reversed() { backward[key] = key }
        let first = query { $0.addQuery("m", forward, style: .deepObject, explode: true) }
        #expect(first == query { $0.addQuery("m", backward, style: .deepObject, explode: true) })
        #expect(first.hasPrefix("m%5Bk0%5D=k0&m%5Bk1%5D=k1&m%5Bk10%5D=k10&"))
    }

    @Test("free-form JSON keeps member order and leaves out nulls")
    func jsonValue() throws {
        let value = try JSONValue(parsing: #"{"z": 1, "a": [true, null, "x"], "n": null, "o": {"k": 1.5}}"#)
        #expect(query { $0.addQuery("q", value, style: .deepObject, explode: true) }
            == "q%5Bz%5D=1&q%5Ba%5D=true&q%5Ba%5D=x&q%5Bo%5D%5Bk%5D=1.5")
        #expect(query { $0.addQuery("s", JSONValue.string("text")) } == "s=text")
        #expect(query { $0.addQuery("n", JSONValue.null) }.isEmpty)
    }

    @Test("bytes are base64, as in a JSON body, and percent-encoded in a query")
    func bytes() {
        let data = Data([0xFB, 0xFF, 0x00, 0x41])
        #expect(data.base64EncodedString() == "+/8AQQ==")
        #expect(query { $0.addQuery("blob", data) } == "blob=%2B/8AQQ%3D%3D")
        var builder = HTTPRequestBuilder(method: .get, path: "/")
        builder.setHeader("X-Blob", data)
        #expect(builder.headers["X-Blob"] == "+/8AQQ==")
    }
}
