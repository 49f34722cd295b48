#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads whole files with the C library, so this module needs no Foundation.
enum FileReader {
    /// Why a file could not be read.
    struct Failure: Error {
        /// The system's description of the error, e.g. "No such file or directory".
        var reason: String
    }

    /// The bytes of the file at `path`.
    static func readBytes(atPath path: String) -> Result<[UInt8], Failure> {
        guard let stream = fopen(path, "rb") else {
            return .failure(Failure(reason: systemError(errno)))
        }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(fileno(stream), &status) == 0, status.st_size > 0 {
            bytes.reserveCapacity(Int(status.st_size) + 1)
        }
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, stream) }
            if read > 0 { bytes.append(contentsOf: chunk[0..<read]) }
            if read < chunkSize {
                if ferror(stream) != 0 { return .failure(Failure(reason: systemError(errno))) }
                break
            }
        }
        return .success(bytes)
    }

    private static func systemError(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
