/// The items of a paginated operation across all pages, fetched lazily page by page.
///
/// ```swift
/// for try await customer in client.customers.listAll() { ... }
/// ```
public struct ItemSequence<Item: Sendable, ErrorBody: Sendable>: AsyncSequence, Sendable {
    /// Each element is one item.
    public typealias Element = Item
    /// Iteration fails with the operation's error.
    public typealias Failure = ClientError<ErrorBody>

    private let makeBatches: @Sendable () -> Batches

    /// The items of each page of `pages`, in order.
    public init<Page>(pages: PageSequence<Page, ErrorBody>, items: @escaping @Sendable (Page) -> [Item]) {
        makeBatches = {
            var pageIterator = pages.makeAsyncIterator()
            return Batches { (actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> [Item]? in
                try await pageIterator.next(in: actor).map(items)
            }
        }
    }

    /// Starts a walk from the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(batches: makeBatches())
    }

    /// Fetches every item (at most `limit`, stopping after the page that reaches it) into an array.
    public func collect(limit: Int = .max) async throws(ClientError<ErrorBody>) -> [Item] {
        var items: [Item] = []
        var iterator = makeAsyncIterator()
        while items.count < limit, let item = try await iterator.next() {
            items.append(item)
        }
        return items
    }

    /// Hides the page type: yields each page's items.
    final class Batches {
        typealias NextBatch = (isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> [Item]?
        private let nextBatch: NextBatch

        init(_ nextBatch: @escaping NextBatch) {
            self.nextBatch = nextBatch
        }

        func next(in actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> [Item]? {
            try await nextBatch(actor)
        }
    }

    /// Walks the items, fetching a page when the previous one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
        /// Iteration fails with the operation's error.
        public typealias Failure = ClientError<ErrorBody>

        private let batches: Batches
        private var buffer: [Item] = []
        private var position = 0

        init(batches: Batches) {
            self.batches = batches
        }

        /// The next item, fetching further pages (skipping empty ones) as needed; `nil` after the last.
        public mutating func next() async throws(ClientError<ErrorBody>) -> Item? {
            try await next(in: nil)
        }

        /// Typed-throws iteration for `for try await` on platforms with Swift 6 concurrency.
        @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> Item? {
            try await next(in: actor)
        }

        private mutating func next(in actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> Item? {
            while position == buffer.count {
                guard let batch = try await batches.next(in: actor) else { return nil }
                buffer = batch
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
