/// The pages of a paginated operation, fetched lazily as the sequence is iterated.
///
/// ```swift
/// for try await page in client.customers.listPages(limit: 50) { ... }
/// ```
public struct PageSequence<Page: Sendable, ErrorBody: Sendable>: AsyncSequence, Sendable {
    /// Each element is one page.
    public typealias Element = Page
    /// Iteration fails with the operation's error.
    public typealias Failure = ClientError<ErrorBody>

    /// Fetches one page, normally by calling a generated operation.
    ///
    /// The closure is untyped (`throws`, not `throws(ClientError<ErrorBody>)`) because Swift does not infer a
    /// closure's typed error from context, and `{ page in try await self.list(...) }` must stay that short.
    /// A `ClientError<ErrorBody>` passes through unchanged, `CancellationError` becomes `.cancelled` and any
    /// other error a `.pagination` failure.
    public typealias Fetch = @Sendable (PageRequest) async throws -> Page

    private let operation: String?
    private let secrets: SecretMatcher
    private let fetch: Fetch
    private let strategy: PaginationStrategy<Page>

    /// Creates a sequence that fetches pages with `fetch`, moving between them with `strategy`. `operation`
    /// (such as `customers.list (GET /customers)`) names the walk in pagination errors; `client`, the client
    /// `fetch` sends through, is the one whose credentials those errors never show (a cursor is server text).
    public init(operation: String? = nil, client: APIClient? = nil, fetch: @escaping Fetch, strategy: PaginationStrategy<Page>) {
        self.operation = operation
        self.secrets = SecretMatcher(secrets: client?.credentialSecrets ?? [])
        self.fetch = fetch
        self.strategy = strategy
    }

    /// Starts a walk from the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(operation: operation, secrets: secrets, fetch: fetch, strategy: strategy)
    }

    /// A sequence of the items on the pages.
    public func items<Item: Sendable>(_ items: @escaping @Sendable (Page) -> [Item]) -> ItemSequence<Item, ErrorBody> {
        ItemSequence(pages: self, items: items)
    }

    /// Fetches every page (at most `limit`) into an array.
    public func collect(limit: Int = .max) async throws(ClientError<ErrorBody>) -> [Page] {
        var pages: [Page] = []
        var iterator = makeAsyncIterator()
        while pages.count < limit, let page = try await iterator.next() {
            pages.append(page)
        }
        return pages
    }

    /// Walks the pages, one request at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        /// Iteration fails with the operation's error.
        public typealias Failure = ClientError<ErrorBody>

        private let operation: String?
        private let secrets: SecretMatcher
        private let fetch: Fetch
        private let strategy: PaginationStrategy<Page>
        private var pending: PageRequest?
        private var seenCursors: Set<String> = []
        private var pagesFetched = 0
        private var failure: PaginationFailure?

        init(operation: String?, secrets: SecretMatcher, fetch: @escaping Fetch, strategy: PaginationStrategy<Page>) {
            self.operation = operation
            self.secrets = secrets
            self.fetch = fetch
            self.strategy = strategy
            pending = strategy.first
        }

        /// Fetches the next page, or returns `nil` after the last one.
        public mutating func next() async throws(ClientError<ErrorBody>) -> Page? {
            try await next(in: nil)
        }

        /// Typed-throws iteration for `for try await` on platforms with Swift 6 concurrency.
        @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> Page? {
            try await next(in: actor)
        }

        /// The iteration step, run in the caller's isolation so the iterator never crosses actors.
        mutating func next(in actor: isolated (any Actor)?) async throws(ClientError<ErrorBody>) -> Page? {
            if let failure {
                self.failure = nil
                throw .pagination(failure)
            }
            guard let request = pending else { return nil }
            pending = nil
            if let cursor = request.cursor { seenCursors.insert(cursor) }
            let page: Page
            do {
                page = try await fetch(request)
            } catch let error as ClientError<ErrorBody> {
                throw error
            } catch is CancellationError {
                throw .cancelled
            } catch {
                throw .pagination(redactedFailure("fetching a page failed: \(error)", cursor: nil))
            }
            pagesFetched += 1
            switch strategy.advance(page, request, seenCursors) {
            case .next(let nextRequest): pending = nextRequest
            case .end: break
            // Deliver this page first; the next call reports why the walk cannot go on.
            case .failure(let message, let cursor):
                failure = redactedFailure(message, cursor: cursor)
            }
            return page
        }

        /// A failure whose message and cursor show none of the client's credentials.
        private func redactedFailure(_ message: String, cursor: String?) -> PaginationFailure {
            func redacted(_ text: String) -> String { secrets.replacing(in: text, with: Redactor.placeholder) }
            return PaginationFailure(
                message: redacted(message), pagesFetched: pagesFetched, operation: operation, cursor: cursor.map(redacted)
            )
        }
    }
}
