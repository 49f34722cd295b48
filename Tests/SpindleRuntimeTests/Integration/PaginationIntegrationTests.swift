import Foundation
import SpindleRuntime
import Testing

@Suite("Integration: pagination")
struct PaginationIntegrationTests {
    private static let names = ["a", "b", "c", "d", "e"]

    private static func page(_ range: Range<Int>, extra: String = "") -> String {
        let widgets = range.filter { $0 < names.count }.map { #"{"id":"w\#($0)","name":"\#(names[$0])"}"# }
        return #"{"data":[\#(widgets.joined(separator: ","))]\#(extra)}"#
    }

    @Test("cursor pagination walks three pages")
    func cursor() async throws {
        let log = RequestLog()
        let items = try await TestServer.run({ request in
            _ = log.record(request)
            switch request.queryValue("after") {
            case nil: return .json(Self.page(0..<2, extra: #","next":"c2""#))
            case "c2": return .json(Self.page(2..<4, extra: #","next":"c4""#))
            default: return .json(Self.page(4..<5, extra: #","next":null"#))
            }
        }) { url in
            try await integrationClient(url).listAll(limit: 2).collect()
        }
        #expect(items.map(\.name) == Self.names)
        #expect(log.requests.map(\.query) == ["limit=2", "after=c2&limit=2", "after=c4&limit=2"])
        #expect(log.requests.allSatisfy { $0.header("x-api-version") == "2.1" })
    }

    @Test("offset pagination walks three pages")
    func offset() async throws {
        let log = RequestLog()
        let items = try await TestServer.run({ request in
            _ = log.record(request)
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            return .json(Self.page(offset..<offset + 2, extra: #","hasMore":\#(offset + 2 < 5)"#))
        }) { url in
            try await integrationClient(url).listAllByOffset(limit: 2).collect()
        }
        #expect(items.map(\.name) == Self.names)
        #expect(log.requests.map(\.query) == ["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"])
    }

    @Test("page-number pagination walks three pages and stops at the total")
    func pageNumber() async throws {
        let log = RequestLog()
        let items = try await TestServer.run({ request in
            _ = log.record(request)
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            return .json(Self.page((page - 1) * 2..<page * 2, extra: #","total":5"#))
        }) { url in
            var names: [String] = []
            for try await widget in integrationClient(url).listAllByPageNumber(limit: 2) {
                names.append(widget.name)
            }
            return names
        }
        #expect(items == Self.names)
        #expect(log.requests.map(\.query) == ["page=1&limit=2", "page=2&limit=2", "page=3&limit=2"])
    }

    @Test("a repeated cursor stops the walk with a pagination error")
    func repeatedCursor() async throws {
        let log = RequestLog()
        let (pages, error) = try await TestServer.run({ request in
            _ = log.record(request)
            return .json(Self.page(0..<1, extra: #","next":"same""#))
        }) { url in
            var pages = 0
            do {
                // Bounded, so a broken repeat check fails the test instead of hanging it.
                for try await _ in integrationClient(url).listPages() {
                    pages += 1
                    if pages == 10 { break }
                }
                return (pages, TestError?.none)
            } catch {
                return (pages, error as? TestError)
            }
        }
        #expect(pages == 2)
        #expect(log.count == 2)
        guard case .pagination(let failure) = error else {
            Issue.record("Expected a pagination error, got \(String(describing: error))")
            return
        }
        #expect(failure.pagesFetched == 2)
    }
}
