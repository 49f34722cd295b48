import Foundation

/// How URLSession gets a streaming request body without ever waiting for it.
///
/// FoundationNetworking reads a stream body (`httpBodyStream`) by blocking its work queue, which every
/// session in the process shares, until bytes are ready; were they produced by a task, every URLSession
/// call in the process would stall meanwhile. A file, though, it reads without blocking, chunk by chunk.
/// So bytes go as they are, a file body is uploaded from its file, and a body from an `AsyncSequence` is
/// first written to a temporary file (one chunk in memory at a time) and uploaded from there.
enum UploadSource: Sendable {
    /// Bytes already in memory.
    case bytes(Data)
    /// A file to upload from; a temporary one is removed once the request is over.
    case file(URL, isTemporary: Bool)

    /// Where `body` is sent from, spooling it to a temporary file when it is a stream.
    static func prepare(_ body: HTTPBody) async throws -> UploadSource {
        switch body.storage {
        case .bytes(let bytes):
            return .bytes(Data(bytes))
        case .file(let url):
            return .file(url, isTemporary: false)
        case .stream:
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-upload-\(UUID().uuidString)")
            do {
                try await body.write(to: url)
            } catch {
                try? FileManager.default.removeItem(at: url)
                throw error
            }
            return .file(url, isTemporary: true)
        }
    }

    /// Removes a temporary file.
    func discard() {
        if case .file(let url, true) = self {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
