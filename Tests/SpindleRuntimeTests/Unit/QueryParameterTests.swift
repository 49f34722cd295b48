import Foundation
import SpindleRuntime
import Testing

@Suite("Query parameters")
struct QueryParameterTests {
    @Test("form, exploded arrays repeat the name")
    func formExplodedArray() {
        #expect(query { $0.addQuery("a", [1, 2]) } == "a=1&a=2")
    }

    @Test("form, not exploded, joins with a literal comma")
    func formUnexplodedArray() {
        let vendors: [VendorIdentifier]? = [.stripe, .hubspot]
        #expect(query { $0.addQuery("vendorIdentifier", vendors, style: .form, explode: false) }
            == "vendorIdentifier=STRIPE,HUBSPOT")
    }

    @Test("commas inside non-exploded values are encoded so they cannot be confused with the delimiter")
    func commaInsideValue() {
        #expect(query { $0.addQuery("tags", ["a,b", "c"], explode: false) } == "tags=a%2Cb,c")
    }

    @Test("spaceDelimited and pipeDelimited")
    func delimitedStyles() {
        #expect(query { $0.addQuery("ids", [1, 2, 3], style: .spaceDelimited, explode: false) } == "ids=1%202%203")
        #expect(query { $0.addQuery("ids", [1, 2, 3], style: .pipeDelimited, explode: false) } == "ids=1%7C2%7C3")
        #expect(query { $0.addQuery("ids", [1, 2], style: .pipeDelimited, explode: true) } == "ids=1&ids=2")
    }

    @Test("deepObject uses percent-encoded brackets and sorted property names")
    func deepObject() {
        let filter = CreatedAtFilter(gt: january1, lt: february1)
        #expect(query { $0.addQuery("createdAt", filter, style: .deepObject, explode: true) }
            == "createdAt%5Bgt%5D=2025-01-01T00:00:00.000Z&createdAt%5Blt%5D=2025-02-01T00:00:00.000Z")
    }

    @Test("deepObject leaves out nil properties and nests objects")
    func deepObjectNested() {
        let filter = PriceFilter(currency: "usd", amount: .init(min: 1, max: 10), note: nil)
        #expect(query { $0.addQuery("price", filter, style: .deepObject, explode: true) }
            == "price%5Bamount%5D%5Bmax%5D=10&price%5Bamount%5D%5Bmin%5D=1&price%5Bcurrency%5D=usd")
    }

    @Test("form objects: exploded as their properties, unexploded as key,value pairs")
    func formObjects() {
        let filter = CreatedAtFilter(gt: january1, lt: nil)
        #expect(query { $0.addQuery("createdAt", filter) } == "gt=2025-01-01T00:00:00.000Z")
        #expect(query { $0.addQuery("createdAt", filter, explode: false) } == "createdAt=gt,2025-01-01T00:00:00.000Z")
    }

    @Test("values are percent-encoded per RFC 3986: space %20, plus %2B, reserved delimiters encoded")
    func percentEncoding() {
        #expect(query { $0.addQuery("q", "a b+c&d=e;f#g") } == "q=a%20b%2Bc%26d%3De%3Bf%23g")
        #expect(query { $0.addQuery("q", "café/ü?x:y@z~") } == "q=caf%C3%A9/%C3%BC?x:y@z~")
        #expect(query { $0.addQuery("a b", "1") } == "a%20b=1")
    }

    @Test("primitives use canonical text")
    func primitives() throws {
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(query {
            $0.addQuery("flag", true)
            $0.addQuery("off", false)
            $0.addQuery("int", 42)
            $0.addQuery("int32", Int32(-7))
            $0.addQuery("int64", Int64(9_007_199_254_740_993))
            $0.addQuery("double", 1.5)
            $0.addQuery("whole", 3.0)
            $0.addQuery("small", 0.00001)
            $0.addQuery("float", Float(0.1))
            $0.addQuery("id", id)
            $0.addQuery("day", CalendarDate(year: 2024, month: 1, day: 15))
            $0.addQuery("priority", Priority.low)
            $0.addQuery("url", URL(string: "https://example.com/a?b=c"))
        } == "flag=true&off=false&int=42&int32=-7&int64=9007199254740993&double=1.5&whole=3&small=0.00001"
            + "&float=0.1&id=e621e1f8-c36c-495a-93fc-0c247a3e6e5f&day=2024-01-15&priority=1"
            + "&url=https://example.com/a?b%3Dc")
    }

    @Test("dates are UTC with milliseconds")
    func dates() {
        let date = Date(timeIntervalSince1970: 1_761_472_800.123)  // 2025-10-26T10:00:00.123Z
        #expect(query { $0.addQuery("at", date) } == "at=2025-10-26T10:00:00.123Z")
    }

    @Test("nil values are omitted and call order is kept")
    func nilAndOrder() {
        let missing: String? = nil
        #expect(query {
            $0.addQuery("z", 1)
            $0.addQuery("missing", missing)
            $0.addQuery("a", 2)
        } == "z=1&a=2")
    }

    @Test("a failing parameter is reported by makeRequest, not lost")
    func encodingFailureSurfaces() throws {
        struct Unencodable: Encodable, Sendable, ParameterEncodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "nope"))
            }
        }
        var builder = HTTPRequestBuilder(method: .get, path: "/")
        builder.addQuery("bad", Unencodable())
        #expect(builder.encodingFailure?.message.contains("query parameter bad") == true)
        #expect(throws: EncodingFailure.self) {
            try builder.makeRequest(serverURL: URL(string: "https://example.com")!)
        }
    }
}
