/// How to get from one page to the next, and when to stop.
public struct PaginationStrategy<Page>: Sendable {
    /// What follows a page.
    enum Step {
        case next(PageRequest)
        case end
        case failure(String)
    }

    /// The request for the first page.
    let first: PageRequest
    /// Decides the step after `page`, which was fetched with `request`; `seenCursors` holds every cursor used.
    let advance: @Sendable (_ page: Page, _ request: PageRequest, _ seenCursors: Set<String>) -> Step

    /// Cursor pagination: `next` returns the cursor for the following page; `nil` or empty ends the walk.
    /// A cursor that was already used ends it with `ClientError.pagination` instead of looping forever.
    public static func cursor(next: @escaping @Sendable (Page) -> String?) -> Self {
        Self(first: PageRequest(index: 0)) { page, request, seen in
            guard let cursor = next(page), !cursor.isEmpty else { return .end }
            guard !seen.contains(cursor) else {
                return .failure("The server returned cursor \"\(cursor)\" again; stopping to avoid an endless loop.")
            }
            return .next(PageRequest(index: request.index + 1, cursor: cursor))
        }
    }

    /// Offset pagination: the next offset is this offset plus the number of items returned. Stops on an empty
    /// page or when `hasMore` returns `false` (`nil` means "unknown": keep going until an empty page).
    public static func offset<Item>(
        start: Int = 0,
        items: @escaping @Sendable (Page) -> [Item],
        hasMore: @escaping @Sendable (Page) -> Bool? = { _ in nil }
    ) -> Self {
        Self(first: PageRequest(index: 0, offset: start)) { page, request, _ in
            let count = items(page).count
            guard count > 0, hasMore(page) != false else { return .end }
            return .next(PageRequest(index: request.index + 1, offset: (request.offset ?? start) + count))
        }
    }

    /// Page-number pagination starting at `start`. Stops on an empty page, or when the pages fetched hold
    /// `total` items (page size `limit`, or the first page's item count when `limit` is `nil`).
    public static func page<Item>(
        start: Int = 1,
        items: @escaping @Sendable (Page) -> [Item],
        total: @escaping @Sendable (Page) -> Int? = { _ in nil },
        limit: Int? = nil
    ) -> Self {
        let firstPageSize = Locked<Int?>(nil)
        return Self(first: PageRequest(index: 0, pageNumber: start)) { page, request, _ in
            let count = items(page).count
            guard count > 0 else { return .end }
            let pageSize = limit ?? firstPageSize.withLock { size in
                if size == nil { size = count }
                return size!
            }
            if let total = total(page), (request.index + 1) * pageSize >= total { return .end }
            return .next(PageRequest(index: request.index + 1, pageNumber: (request.pageNumber ?? start) + 1))
        }
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
