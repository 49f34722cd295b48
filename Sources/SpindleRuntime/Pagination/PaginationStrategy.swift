/// How to get from one page to the next, and when to stop.
public struct PaginationStrategy<Page>: Sendable {
    /// What follows a page.
    enum Step {
        case next(PageRequest)
        case end
        /// The walk cannot go on: the message says why (it names no operation; the sequence adds it).
        case failure(String, cursor: String?)
    }

    /// The request for the first page.
    let first: PageRequest
    /// Decides the step after `page`, which was fetched with `request`; `seenCursors` holds every cursor used.
    let advance: @Sendable (_ page: Page, _ request: PageRequest, _ seenCursors: Set<String>) -> Step

    /// Cursor pagination: `next` returns the cursor for the following page; `nil` or empty ends the walk.
    ///
    /// A cursor that was already used is an error, by design: the page with it is delivered, then iteration
    /// throws `ClientError.pagination` naming the operation and the cursor. Following it would fetch the same
    /// pages forever, and ending silently would hide a server bug behind a short list.
    public static func cursor(next: @escaping @Sendable (Page) -> String?) -> Self {
        Self(first: PageRequest(index: 0)) { page, request, seen in
            guard let cursor = next(page), !cursor.isEmpty else { return .end }
            guard !seen.contains(cursor) else {
                return .failure(
                    "the server returned the cursor \"\(cursor)\" a second time; stopping so the walk cannot loop forever",
                    cursor: cursor)
            }
            return .next(PageRequest(index: request.index + 1, cursor: cursor))
        }
    }

    /// Offset pagination. The next offset is this offset plus `limit` when one is given (for APIs whose docs say
    /// to advance by the limit, such as SnapRefund's), else plus the number of items returned. Stops on an empty
    /// page or when `hasMore` returns `false` (`nil` means "unknown": keep going until an empty page).
    public static func offset<Item>(
        start: Int = 0,
        items: @escaping @Sendable (Page) -> [Item],
        hasMore: @escaping @Sendable (Page) -> Bool? = { _ in nil },
        limit: Int? = nil
    ) -> Self {
        Self(first: PageRequest(index: 0, offset: start)) { page, request, _ in
            let count = items(page).count
            guard count > 0, hasMore(page) != false else { return .end }
            // A limit of 0 or less would request the same offset again.
            let step = limit.flatMap { $0 > 0 ? $0 : nil } ?? count
            let (next, overflow) = (request.offset ?? start).addingReportingOverflow(step)
            guard !overflow else { return .failure("the next offset is beyond Int.max", cursor: nil) }
            return .next(PageRequest(index: request.index + 1, offset: next))
        }
    }

    /// Page-number pagination starting at page `start`, for an API whose first page is `firstPage`.
    ///
    /// Stops on an empty page, or after the page that holds the last of `total` items: the pages before page
    /// `n` hold `(n - firstPage) × pageSize` items, whichever page the walk started at, so the walk never asks
    /// for a page past the end (which some servers answer with an error). The page size is `limit`, or the
    /// item count of the first page fetched when `limit` is `nil` (exact when that page is not the last).
    /// A walk that starts below `firstPage` counts from its start.
    public static func page<Item>(
        start: Int = 1,
        firstPage: Int = 1,
        items: @escaping @Sendable (Page) -> [Item],
        total: @escaping @Sendable (Page) -> Int? = { _ in nil },
        limit: Int? = nil
    ) -> Self {
        let base = min(firstPage, start)
        let firstPageSize = Locked<Int?>(nil)
        return Self(first: PageRequest(index: 0, pageNumber: start)) { page, request, _ in
            let count = items(page).count
            guard count > 0 else { return .end }
            let number = request.pageNumber ?? start
            if let total = total(page) {
                let pageSize = limit ?? firstPageSize.withLock { size in
                    let pageSize = size ?? count
                    size = pageSize
                    return pageSize
                }
                guard let itemsBefore = Self.itemsBefore(page: number, base: base, pageSize: pageSize) else { return .end }
                let (itemsThrough, overflow) = itemsBefore.addingReportingOverflow(count)
                guard !overflow, itemsThrough < total else { return .end }
            }
            let (next, pastEnd) = number.addingReportingOverflow(1)
            guard !pastEnd else { return .failure("the next page number is beyond Int.max", cursor: nil) }
            return .next(PageRequest(index: request.index + 1, pageNumber: next))
        }
    }

    /// How many items the pages before `page` hold; `nil` when that is beyond `Int.max` (so past any total).
    private static func itemsBefore(page: Int, base: Int, pageSize: Int) -> Int? {
        let (pagesBefore, underflow) = page.subtractingReportingOverflow(base)
        guard !underflow else { return nil }
        let (items, overflow) = max(pagesBefore, 0).multipliedReportingOverflow(by: max(pageSize, 0))
        return overflow ? nil : items
    }

    /// A custom strategy: `first` is the first request and `next` returns the request after a page, or `nil`
    /// to stop.
    public static func custom(
        first: PageRequest = PageRequest(index: 0),
        next: @escaping @Sendable (_ page: Page, _ request: PageRequest) -> PageRequest?
    ) -> Self {
        Self(first: first) { page, request, _ in next(page, request).map(Step.next) ?? .end }
    }
}
