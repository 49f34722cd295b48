import Bodies
import Foundation
import SpindleRuntime
import SpindleTestServer
import Testing

/// The generated Bodies client against a loopback server.
func bodiesClient(_ server: URL, timeout: Duration = .seconds(20)) -> BodiesClient {
    var configuration = wireConfiguration()
    configuration.timeout = timeout
    return BodiesClient(token: "tok_bodies_7c2e", serverURL: server, configuration: configuration)
}

/// Runs a child process to completion off Swift concurrency's threads and returns its standard output.
func runProcess(_ executable: String, _ arguments: [String], input: Data = Data()) async throws -> Data {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let stdin = Pipe()
                let stdout = Pipe()
                process.standardInput = stdin
                process.standardOutput = stdout
                try process.run()
                // Written on a thread of its own: a large input would otherwise fill the pipe while the child
                // waits for its output to be read.
                Thread.detachNewThread {
                    try? stdin.fileHandleForWriting.write(contentsOf: input)
                    try? stdin.fileHandleForWriting.close()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw StreamingTestServerError("\(executable) \(arguments) exited with \(process.terminationStatus)")
                }
                return output
            })
        }
    }
}

/// Python 3's standard library, the independent multipart parser of the upload tests.
enum Python {
    /// Where `python3` is, if it is installed.
    static let path: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { path != nil }

    /// What `email.parser.BytesParser` (policy.default) makes of a multipart message: each part's name, file
    /// name, media type, `X-Checksum` header and content.
    struct ParsedMessage: Decodable {
        struct Part: Decodable, Equatable {
            var name: String?
            var filename: String?
            var contentType: String?
            var checksum: String?
            /// The content, base64-encoded.
            var content: String

            var data: Data? { Data(base64Encoded: content) }
            var text: String? { data.map { String(decoding: $0, as: UTF8.self) } }
        }

        var isMultipart: Bool
        var defects: [String]
        var parts: [Part]
    }

    static let multipartParser = #"""
        import sys, json, base64
        from email import policy
        from email.parser import BytesParser
        message = BytesParser(policy=policy.default).parsebytes(sys.stdin.buffer.read())
        parts = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True) or b""
            parts.append({
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "contentType": part.get_content_type() if part.get("Content-Type") else None,
                "checksum": part.get("X-Checksum"),
                "content": base64.b64encode(payload).decode("ascii"),
            })
        print(json.dumps({"isMultipart": message.is_multipart(), "defects": [type(d).__name__ for d in message.defects],
                          "parts": parts}))
        """#

    /// Parses a multipart body received with `contentType`.
    static func parseMultipart(_ body: Data, contentType: String) async throws -> ParsedMessage {
        let path = try #require(path)
        let message = Data("Content-Type: \(contentType)\r\nMIME-Version: 1.0\r\n\r\n".utf8) + body
        let output = try await runProcess(path, ["-c", multipartParser], input: message)
        return try JSONDecoder().decode(ParsedMessage.self, from: output)
    }
}

/// `true` once `semaphore` is signalled, `false` after `seconds`: a server thread waiting for the test.
func wait(for semaphore: DispatchSemaphore, seconds: Double = 10) -> Bool {
    semaphore.wait(timeout: .now() + seconds) == .success
}
