import Foundation
import SpindleRuntime
import Testing

@Suite("Pagination strategies")
struct PaginationTests {
    struct Page: Sendable {
        var items: [Int]
        var next: String?
        var hasMore: Bool?
        var total: Int?
    }

    /// Serves pages from a table and records the requests.
    final class PageServer: Sendable {
        let pages: @Sendable (PageRequest) -> Page
        private let log = Mutex<[PageRequest]>([])

        init(_ pages: @escaping @Sendable (PageRequest) -> Page) {
            self.pages = pages
        }

        var requests: [PageRequest] { log.withLock { $0 } }

        func fetch(_ request: PageRequest) async throws(TestError) -> Page {
            log.withLock { $0.append(request) }
            return pages(request)
        }
    }

    @Test("cursor: follows next until nil")
    func cursor() async throws {
        let server = PageServer { request in
            switch request.cursor {
            case nil: Page(items: [1, 2], next: "b")
            case "b": Page(items: [3], next: "c")
            default: Page(items: [4], next: nil)
            }
        }
        let pages = PageSequence<Page, TestErrorBody>(fetch: server.fetch, strategy: .cursor(next: { $0.next }))
        #expect(try await pages.items { $0.items }.collect() == [1, 2, 3, 4])
        #expect(server.requests.map(\.cursor) == [nil, "b", "c"])
        #expect(server.requests.map(\.index) == [0, 1, 2])
    }

    @Test("cursor: an empty cursor ends the walk; a repeated one is an error after its page")
    func cursorRepeat() async throws {
        let ending = PageServer { _ in Page(items: [1], next: "") }
        #expect(try await PageSequence<Page, TestErrorBody>(fetch: ending.fetch, strategy: .cursor(next: { $0.next })).collect().count == 1)

        let looping = PageServer { request in Page(items: [request.index], next: request.cursor == nil ? "a" : "a") }
        var iterator = PageSequence<Page, TestErrorBody>(fetch: looping.fetch, strategy: .cursor(next: { $0.next }))
            .makeAsyncIterator()
        #expect(try await iterator.next()?.items == [0])
        #expect(try await iterator.next()?.items == [1])
        do {
            _ = try await iterator.next()
            Issue.record("Expected a pagination error")
        } catch {
            guard case .pagination(let failure) = error else {
                Issue.record("Expected a pagination error, got \(error)")
                return
            }
            #expect(failure.pagesFetched == 2)
            #expect(failure.message.contains("\"a\""))
        }
        #expect(looping.requests.count == 2)
    }

    @Test("offset: advances by the number of items, stops on hasMore false or an empty page")
    func offset() async throws {
        let server = PageServer { request in
            let offset = request.offset ?? -1
            return offset < 5 ? Page(items: Array(offset..<min(offset + 2, 5)), hasMore: offset + 2 < 5) : Page(items: [])
        }
        let items = try await PageSequence<Page, TestErrorBody>(
            fetch: server.fetch,
            strategy: .offset(start: 1, items: { $0.items }, hasMore: { $0.hasMore })
        ).items { $0.items }.collect()
        #expect(items == [1, 2, 3, 4])
        #expect(server.requests.map(\.offset) == [1, 3])

        let noHint = PageServer { request in Page(items: (request.offset ?? 0) < 4 ? [0, 0] : []) }
        _ = try await PageSequence<Page, TestErrorBody>(fetch: noHint.fetch, strategy: .offset(items: { $0.items })).collect()
        #expect(noHint.requests.map(\.offset) == [0, 2, 4])
    }

    @Test("page numbers: stop when the total is reached or a page is empty")
    func pageNumbers() async throws {
        let server = PageServer { request in
            let page = request.pageNumber ?? 0
            return Page(items: page < 3 ? [page, page] : [page], total: 5)
        }
        let items = try await PageSequence<Page, TestErrorBody>(
            fetch: server.fetch,
            strategy: .page(items: { $0.items }, total: { $0.total }, limit: 2)
        ).items { $0.items }.collect()
        #expect(items == [1, 1, 2, 2, 3])
        #expect(server.requests.map(\.pageNumber) == [1, 2, 3])

        let untotalled = PageServer { request in Page(items: (request.pageNumber ?? 0) <= 2 ? [1] : []) }
        _ = try await PageSequence<Page, TestErrorBody>(fetch: untotalled.fetch, strategy: .page(start: 0, items: { $0.items })).collect()
        #expect(untotalled.requests.map(\.pageNumber) == [0, 1, 2, 3])
    }

    /// Issue #28: the items before a page were counted from the page the walk started at, so a walk from
    /// page 2 asked for a page past the total.
    @Test("page numbers: the total is counted from the API's first page, whatever page the walk starts at", arguments: [
        (start: 1, limit: 2 as Int?, pages: [1, 2, 3, 4]),
        (start: 2, limit: 2, pages: [2, 3, 4]),
        (start: 4, limit: 2, pages: [4]),
        (start: 2, limit: nil, pages: [2, 3, 4]),
        (start: 3, limit: nil, pages: [3, 4]),
    ])
    func pageNumbersFromAnyStart(start: Int, limit: Int?, pages: [Int]) async throws {
        // 7 items, 2 a page: pages 1...4, the last with one item.
        let server = PageServer { request in
            let page = request.pageNumber ?? 0
            return Page(items: (1...4).contains(page) ? Array(repeating: page, count: page == 4 ? 1 : 2) : [99], total: 7)
        }
        _ = try await PageSequence<Page, TestErrorBody>(
            fetch: server.fetch,
            strategy: .page(start: start, items: { $0.items }, total: { $0.total }, limit: limit)
        ).collect()
        #expect(server.requests.map(\.pageNumber) == pages)
    }

    @Test("page numbers: an API that counts pages from 0")
    func zeroBasedPageNumbers() async throws {
        let server = PageServer { request in
            let page = request.pageNumber ?? -1
            return Page(items: (0...2).contains(page) ? Array(repeating: page, count: page == 2 ? 1 : 2) : [99], total: 5)
        }
        for start in 0...2 {
            let items = try await PageSequence<Page, TestErrorBody>(
                fetch: server.fetch,
                strategy: .page(start: start, firstPage: 0, items: { $0.items }, total: { $0.total }, limit: 2)
            ).items { $0.items }.collect()
            #expect(items == Array([0, 0, 1, 1, 2].dropFirst(2 * start)))
        }
        #expect(server.requests.map(\.pageNumber) == [0, 1, 2, 1, 2, 2])
    }

    @Test("items skip empty pages and collect honours a limit")
    func itemsAndLimits() async throws {
        let server = PageServer { request in
            switch request.cursor {
            case nil: Page(items: [], next: "b")
            case "b": Page(items: [1, 2, 3], next: "c")
            default: Page(items: [4], next: nil)
            }
        }
        let pages = PageSequence<Page, TestErrorBody>(fetch: server.fetch, strategy: .cursor(next: { $0.next }))
        #expect(try await pages.items { $0.items }.collect(limit: 2) == [1, 2])
        #expect(server.requests.count == 2)
        #expect(try await pages.collect(limit: 1).count == 1)
    }

    @Test("errors from fetch end the walk with that error")
    func fetchErrors() async {
        let pages = PageSequence<Page, TestErrorBody>(
            fetch: { _ in throw TestError.cancelled },
            strategy: .cursor(next: { $0.next })
        )
        let error = await expectClientError { () async throws(TestError) in try await pages.collect() }
        #expect(isCancelled(error))
    }
}
