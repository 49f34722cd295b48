import Foundation

extension HTTPBody {
    /// Reads the whole body into memory, failing with ``HTTPBodyError/Kind/tooLarge(limit:)`` as soon as it
    /// holds more than `maxBytes` (before reading anything when its announced length already does).
    public func collect(upTo maxBytes: Int) async throws -> Data {
        if case .known(let count) = length, count > maxBytes {
            throw HTTPBodyError(.tooLarge(limit: maxBytes))
        }
        var data = Data()
        if case .known(let count) = length { data.reserveCapacity(Int(count)) }
        for try await chunk in self {
            guard chunk.count <= maxBytes - data.count else { throw HTTPBodyError(.tooLarge(limit: maxBytes)) }
            data.append(contentsOf: chunk)
        }
        return data
    }

    /// Writes the body to the file at `url` as it arrives, replacing any file there, and returns the number
    /// of bytes written. Only one chunk is in memory at a time. On failure the partial file is removed.
    @discardableResult
    public func write(to url: URL) async throws -> Int64 {
        let path = url.path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw HTTPBodyError(.file(path: path, reason: "it could not be created"))
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw HTTPBodyError(.file(path: path, reason: "\(error.localizedDescription)"))
        }
        var written: Int64 = 0
        do {
            for try await chunk in self {
                try chunk.withUnsafeBytes { try handle.write(contentsOf: $0) }
                written += Int64(chunk.count)
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return written
    }
}
