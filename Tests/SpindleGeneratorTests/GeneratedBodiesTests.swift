import Bodies
import Foundation
import SpindleRuntime
import Testing

/// The generated Bodies module's forms: the parts a flattened upload call writes, and a received form read
/// back into the typed form, with located failures.
@Suite struct GeneratedBodiesTests {
    @Test func anUploadWritesOnePartPerValueWithTheEncodingsMediaTypes() async throws {
        let transport = RecordingTransport(status: 201, body: #"{"id":"f","bytes":3,"filename":"a.png"}"#)
        let client = BodiesClient(token: "t", configuration: ClientConfiguration(transport: transport, retryPolicy: .never))
        _ = try await client.files.upload(
            purpose: .batch,
            file: MultipartFile(Data([1, 2, 3]), filename: "a.png", headers: ["X-Checksum": "c"]),
            labels: ["x", "y"],
            metadata: FileMetadata(pages: 2))
        let request = try #require(transport.requests.first)
        let contentType = try #require(request.headers["Content-Type"])
        let boundary = try #require(contentType.split(separator: "=").last.map(String.init))
        let body = try #require(request.body)
        let parts = try await Array(ChunkedBody(body).multipartParts(boundary: boundary))
        #expect(parts.map(\.name) == ["purpose", "file", "labels", "labels", "metadata"])
        #expect(parts.map(\.contentType) == [nil, "image/png", nil, nil, "application/json"])
        #expect(parts[1].headers["X-Checksum"] == "c")
        let form = MultipartForm(parts)
        #expect(try form.value("purpose", as: Purpose.self) == .batch)
        #expect(try form.values("labels", as: String.self) == ["x", "y"])
        #expect(try form.value("metadata", as: FileMetadata.self) == FileMetadata(pages: 2))
        #expect(request.headers["Accept"] == "application/json")
    }

    @Test func aReceivedFormReadsIntoItsTypeAndAFieldThatDoesNotDecodeIsLocated() throws {
        var form = MultipartForm()
        form.append("name", "report")
        form.append("pages", "many")
        form.append("original", file: MultipartFile(Data([9])))
        #expect { try BundleForm(form: form) } throws: { error in
            (error as? DecodingFailure)?.path == "pages"
        }
        var valid = MultipartForm()
        valid.append("name", "report")
        valid.append("original", file: MultipartFile(Data([9]), filename: "r.pdf"))
        valid.append("thumbnails", files: [MultipartFile(Data([1])), MultipartFile(Data([2]))])
        let bundle = try BundleForm(form: valid)
        #expect(bundle.name == "report")
        #expect(bundle.pages == nil)
        #expect(bundle.original.filename == "r.pdf")
        #expect(bundle.thumbnails.count == 2)
        #expect(bundle.form.parts.map(\.name) == ["name", "original", "thumbnails", "thumbnails"])
    }
}

/// `Data` as one chunk of an async sequence.
private struct ChunkedBody: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let data: Data
    init(_ data: Data) { self.data = data }
    func makeAsyncIterator() -> Iterator { Iterator(chunk: ArraySlice(data)) }
    struct Iterator: AsyncIteratorProtocol {
        var chunk: ArraySlice<UInt8>?
        mutating func next() async -> ArraySlice<UInt8>? {
            defer { chunk = nil }
            return chunk
        }
    }
}

extension Array {
    /// Every element of an async sequence.
    fileprivate init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
        self = []
        for try await element in sequence { append(element) }
    }
}

/// An operation whose answer is no JSON value (an event stream) is answered with a response written by hand,
/// and decoded by the client's own stream parser.
@Suite struct GeneratedStreamStubTests {
    @Test func anEventStreamOperationIsAnsweredWithARawResponse() async throws {
        let stubs = StubTransport()
        stubs.answer(BodiesClient.Operations.chat.completions.stream, response: { request in
            let prompt = try request.body(as: CompletionRequest.self).prompt
            let events = """
                data: {"id":"1","delta":"\(prompt)"}

                data: {"id":"2","delta":"!","finish_reason":"stop"}


                """
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/event-stream"], body: Data(events.utf8))
        })
        let client = BodiesClient(token: "t", configuration: ClientConfiguration(transport: stubs, retryPolicy: .never))
        var deltas: [String] = []
        for try await event in try await client.chat.completions.stream(body: CompletionRequest(prompt: "hi")) {
            deltas.append(event.data.delta)
        }
        #expect(deltas == ["hi", "!"])
        #expect(stubs.requests.first?.header("Accept") == "text/event-stream")
    }
}
