import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server on plain sockets whose handler writes the response piece by piece, for the
/// streaming tests: it sends a chunk, waits for the test, sends the next; it reads request bodies as they
/// arrive (chunked or by `Content-Length`); and it sees when the client closes the connection.
///
/// Each connection is served on a thread of its own, so the handler may block (and must not be async:
/// Swift concurrency's few threads stay free for the client under test).
public final class StreamingTestServer: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (StreamingConnection) throws -> Void
    private let lock = NSLock()
    private var connections: [StreamingConnection] = []
    private var stopped = false

    /// Starts listening on 127.0.0.1 with an OS-assigned port.
    public init(handler: @escaping @Sendable (StreamingConnection) throws -> Void) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw StreamingTestServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw StreamingTestServerError("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Stops accepting and closes every connection.
    public func stop() {
        let open = lock.withLock {
            stopped = true
            return connections
        }
        for connection in open { connection.close() }
    }

    /// Runs `body` with a server that answers with `handler`, then stops it.
    public static func run<Result>(
        _ handler: @escaping @Sendable (StreamingConnection) throws -> Void,
        body: (StreamingTestServer) async throws -> Result
    ) async throws -> Result {
        let server = try StreamingTestServer(handler: handler)
        defer { server.stop() }
        return try await body(server)
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            // Polls rather than blocking in accept(): closing the listener does not wake a blocked accept
            // on Linux, and the thread would outlive the server.
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 50)
            if lock.withLock({ stopped }) { return }
            guard ready > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let connection = StreamingConnection(socket: client)
            let accepted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                connections.append(connection)
                return true
            }
            guard accepted else {
                connection.close()
                break
            }
            let handler = self.handler
            Thread {
                do {
                    try connection.readRequestHead()
                    try handler(connection)
                } catch {
                    connection.failure = error
                }
                connection.close()
            }.start()
        }
    }
}

/// One client connection of the ``StreamingTestServer``.
public final class StreamingConnection: @unchecked Sendable {
    private let socket: Int32
    private var buffered: [UInt8] = []
    private let closeLock = NSLock()
    private var isClosed = false
    public var failure: (any Error)?

    public private(set) var method = ""
    public private(set) var target = ""
    public private(set) var headers: [(name: String, value: String)] = []

    init(socket: Int32) {
        self.socket = socket
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    // MARK: Reading

    fileprivate func readRequestHead() throws {
        var head: [UInt8] = []
        while true {
            if let end = find([13, 10, 13, 10], in: buffered) {
                head = Array(buffered[..<end])
                buffered.removeFirst(end + 4)
                break
            }
            guard try fill() else { throw StreamingTestServerError("the client closed before the request head") }
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        method = String(requestLine[0])
        target = String(requestLine[1])
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Reads the request body as it arrives, handing each piece to `onBytes`; returns the byte count.
    @discardableResult
    public func readBody(_ onBytes: ([UInt8]) -> Void = { _ in }) throws -> Int {
        var total = 0
        if header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            while true {
                let sizeLine = try readLine()
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
                    throw StreamingTestServerError("bad chunk size \(sizeLine)")
                }
                if size == 0 {
                    while try !readLine().isEmpty {}
                    return total
                }
                try readExactly(size) { total += $0.count; onBytes($0) }
                _ = try readLine()
            }
        }
        let length = Int(header("Content-Length") ?? "0") ?? 0
        try readExactly(length) { total += $0.count; onBytes($0) }
        return total
    }

    /// The whole request body.
    public func readWholeBody() throws -> Data {
        var data = Data()
        try readBody { data.append(contentsOf: $0) }
        return data
    }

    private func readExactly(_ count: Int, _ onBytes: ([UInt8]) -> Void) throws {
        var remaining = count
        if !buffered.isEmpty {
            let take = min(remaining, buffered.count)
            onBytes(Array(buffered[..<take]))
            buffered.removeFirst(take)
            remaining -= take
        }
        // Straight from the socket: large bodies are read at full speed.
        var bytes = [UInt8](repeating: 0, count: 256 * 1024)
        while remaining > 0 {
            let received = recv(socket, &bytes, min(bytes.count, remaining), 0)
            if received < 0 { throw StreamingTestServerError("recv failed: errno \(errno)") }
            if received == 0 { throw StreamingTestServerError("the client closed mid-body") }
            onBytes(received == bytes.count ? bytes : Array(bytes[..<received]))
            remaining -= received
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = find([13, 10], in: buffered) {
                let line = String(decoding: buffered[..<end], as: UTF8.self)
                buffered.removeFirst(end + 2)
                return line
            }
            guard try fill() else { throw StreamingTestServerError("the client closed mid-line") }
        }
    }

    /// Reads more bytes; `false` when the client closed its side.
    private func fill() throws -> Bool {
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(socket, &bytes, bytes.count, 0)
        if count < 0 { throw StreamingTestServerError("recv failed: errno \(errno)") }
        if count == 0 { return false }
        buffered += bytes[..<count]
        return true
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    // MARK: Writing

    /// Writes the status line and headers; without `Content-Length` the body is sent chunked.
    public func writeHead(status: Int = 200, headers: [String: String] = [:]) throws {
        var lines = ["HTTP/1.1 \(status) Status"]
        var headers = headers
        if headers.keys.first(where: { $0.lowercased() == "content-length" }) == nil {
            headers["Transfer-Encoding"] = "chunked"
        }
        headers["Connection"] = "close"
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        try write(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
    }

    /// Writes one chunk of a chunked body.
    public func writeChunk(_ bytes: some Collection<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        try write(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + Array(bytes) + [13, 10])
    }

    /// Writes one chunk holding the UTF-8 of `text`.
    public func writeChunk(_ text: String) throws {
        try writeChunk(Array(text.utf8))
    }

    /// Ends a chunked body.
    public func finishChunks() throws {
        try write(Array("0\r\n\r\n".utf8))
    }

    /// Writes raw bytes (for a `Content-Length` body).
    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { throw StreamingTestServerError("the client closed the connection (errno \(errno))") }
            offset += sent
        }
    }

    /// Whether the client closes the connection within `timeout`: a read returns end-of-file or a reset.
    public func waitForClientClose(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                var byte: UInt8 = 0
                let count = recv(socket, &byte, 1, 0)
                if count <= 0 { return true }
            }
        }
        return false
    }

    public func close() {
        let shouldClose = closeLock.withLock { () -> Bool in
            defer { isClosed = true }
            return !isClosed
        }
        if shouldClose {
            shutdown(socket, Int32(SHUT_RDWR))
            #if canImport(Glibc)
            Glibc.close(socket)
            #else
            Darwin.close(socket)
            #endif
        }
    }
}

public struct StreamingTestServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
