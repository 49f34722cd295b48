/// Which page to fetch next, handed to the `fetch` closure of a `PageSequence`.
///
/// Generated code passes the relevant field to the operation, falling back to the caller's own argument on
/// the first page: `list(after: page.cursor ?? after, ...)`, `list(offset: page.offset ?? offset, ...)`.
public struct PageRequest: Sendable, Hashable {
    /// How many pages were fetched before this one (`0` for the first page).
    public let index: Int
    /// The cursor from the previous page (cursor pagination); `nil` for the first page.
    public let cursor: String?
    /// The item offset to request (offset pagination); the strategy's start for the first page.
    public let offset: Int?
    /// The page number to request (page-number pagination); the strategy's start for the first page.
    public let pageNumber: Int?

    /// Creates a page request.
    public init(index: Int, cursor: String? = nil, offset: Int? = nil, pageNumber: Int? = nil) {
        self.index = index
        self.cursor = cursor
        self.offset = offset
        self.pageNumber = pageNumber
    }

    /// Whether this is the first page.
    public var isFirst: Bool { index == 0 }
}
