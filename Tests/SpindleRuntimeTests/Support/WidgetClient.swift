import Foundation
import SpindleRuntime

/// A hand-written client in exactly the shape the generator emits, so the tests exercise the contract
/// generated code relies on (not just the runtime's internals).
struct WidgetClient: Sendable {
    let client: APIClient

    init(apiKey: String? = nil, serverURL: URL, configuration: ClientConfiguration = .init()) {
        client = APIClient(
            serverURL: serverURL,
            configuration: configuration,
            security: [.apiKey(name: "X-API-KEY", in: .header)],
            credential: apiKey.map(Credential.apiKey) ?? Credential.fromEnvironment("SPINDLE_TEST_API_KEY", as: Credential.apiKey),
            credentialEnvironmentVariable: "SPINDLE_TEST_API_KEY"
        )
    }

    func list(
        after: String? = nil,
        offset: Int? = nil,
        page: Int? = nil,
        limit: Int? = nil,
        options: RequestOptions = .init()
    ) async throws(TestError) -> WidgetPage {
        var request = HTTPRequestBuilder(method: .get, path: "/widgets")
        request.addQuery("after", after)
        request.addQuery("offset", offset)
        request.addQuery("page", page)
        request.addQuery("limit", limit)
        request.setHeader("x-api-version", "2.1")
        return try await client.send(request, options: options, errors: TestErrorBody.decode)
    }

    func get(id: String, options: RequestOptions = .init()) async throws(TestError) -> Widget {
        var request = HTTPRequestBuilder(method: .get, path: "/widgets/{id}")
        request.setPathParameter("id", id)
        return try await client.send(request, options: options, errors: TestErrorBody.decode)
    }

    func create(_ widget: Widget, options: RequestOptions = .init()) async throws(TestError) -> Widget {
        var request = HTTPRequestBuilder(method: .post, path: "/widgets")
        request.setJSONBody(widget)
        return try await client.send(request, options: options, errors: TestErrorBody.decode)
    }

    func delete(id: String, options: RequestOptions = .init()) async throws(TestError) {
        var request = HTTPRequestBuilder(method: .delete, path: "/widgets/{id}")
        request.setPathParameter("id", id)
        try await client.send(request, options: options, errors: TestErrorBody.decode)
    }

    func listPages(limit: Int? = nil, options: RequestOptions = .init()) -> PageSequence<WidgetPage, TestErrorBody> {
        PageSequence(
            fetch: { page in try await self.list(after: page.cursor, limit: limit, options: options) },
            strategy: .cursor(next: { $0.next })
        )
    }

    func listAll(limit: Int? = nil, options: RequestOptions = .init()) -> ItemSequence<Widget, TestErrorBody> {
        ItemSequence(pages: listPages(limit: limit, options: options), items: { $0.data })
    }

    func listAllByOffset(offset: Int? = nil, limit: Int? = nil) -> ItemSequence<Widget, TestErrorBody> {
        ItemSequence(
            pages: PageSequence(
                fetch: { page in try await self.list(offset: page.offset ?? offset, limit: limit) },
                strategy: .offset(start: offset ?? 0, items: { $0.data }, hasMore: { $0.hasMore })
            ),
            items: { $0.data }
        )
    }

    func listAllByPageNumber(limit: Int) -> ItemSequence<Widget, TestErrorBody> {
        PageSequence(
            fetch: { page in try await self.list(page: page.pageNumber, limit: limit) },
            strategy: .page(start: 1, items: { $0.data }, total: { $0.total }, limit: limit)
        ).items { $0.data }
    }
}
