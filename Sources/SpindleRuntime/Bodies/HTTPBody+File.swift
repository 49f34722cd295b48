import Foundation

extension HTTPBody {
    /// The size of the chunks a file body is read in.
    public static let defaultFileChunkSize = 256 * 1024

    /// A body read from the file at `url` as it is sent, `chunkSize` bytes at a time, so a large upload
    /// never sits whole in memory. Its length is the file's size, and it can be read again (a retry or a
    /// 307/308 redirect reopens the file).
    public convenience init(contentsOf url: URL, chunkSize: Int = HTTPBody.defaultFileChunkSize) throws {
        let path = url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw HTTPBodyError(.file(path: path, reason: "it cannot be read (\(error.localizedDescription))"))
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular, let size = attributes[.size] as? NSNumber else {
            throw HTTPBodyError(.file(path: path, reason: "it is not a regular file"))
        }
        let chunkSize = Swift.max(1, chunkSize)
        self.init(length: .known(size.int64Value), iterationBehavior: .multiple, storage: .file(url)) {
            FileChunks(url: url, chunkSize: chunkSize).source()
        }
    }
}

/// Reads a file chunk by chunk, opening it at the first chunk and closing it at the end or when dropped.
private final class FileChunks: @unchecked Sendable {
    private let url: URL
    private let chunkSize: Int
    private var handle: FileHandle?
    private var finished = false

    init(url: URL, chunkSize: Int) {
        self.url = url
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle?.close()
    }

    func source() -> ChunkSource {
        ChunkSource { try self.next() }
    }

    private func next() throws -> ArraySlice<UInt8>? {
        guard !finished else { return nil }
        if handle == nil {
            do {
                handle = try FileHandle(forReadingFrom: url)
            } catch {
                throw HTTPBodyError(.file(path: url.path, reason: error.localizedDescription))
            }
        }
        guard let data = try handle?.read(upToCount: chunkSize), !data.isEmpty else {
            finished = true
            try? handle?.close()
            handle = nil
            return nil
        }
        return ArraySlice(data)
    }
}
