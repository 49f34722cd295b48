#if AsyncHTTPClientTransport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SpindleRuntime

/// Between Spindle's request and response values and AsyncHTTPClient's.
extension AsyncHTTPClientTransport {
    /// The request without its body. Framing headers are left to AsyncHTTPClient, which sets them from the
    /// body it is given.
    static func clientRequest(_ request: SpindleRuntime.HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers where !framingHeaders.contains(field.name.lowercased()) {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        return outgoing
    }

    private static let framingHeaders: Set<String> = ["content-length", "transfer-encoding"]

    /// The response's header fields, in the order they arrived.
    static func headers(_ headers: NIOHTTP1.HTTPHeaders) -> SpindleRuntime.HTTPHeaders {
        var converted = SpindleRuntime.HTTPHeaders()
        for (name, value) in headers {
            converted.add(name, value)
        }
        return converted
    }

    /// A request body's length for AsyncHTTPClient: `Content-Length` when known, chunked otherwise.
    static func length(_ length: HTTPBody.Length) -> HTTPClientRequest.Body.Length {
        switch length {
        case .known(let count): .known(count)
        case .unknown: .unknown
        }
    }

    /// How many bytes the response body will hold: none for `HEAD`, 204 and 304; the `Content-Length` of an
    /// unencoded body; otherwise unknown until it ends.
    static func responseLength(method: SpindleRuntime.HTTPMethod, status: Int, headers: SpindleRuntime.HTTPHeaders) -> HTTPBody.Length {
        if method == .head || status == 204 || status == 304 || (100..<200).contains(status) {
            return .known(0)
        }
        guard headers["Content-Encoding"] == nil, let value = headers["Content-Length"], let length = Int64(value), length >= 0 else {
            return .unknown
        }
        return .known(length)
    }

    /// The point in time `timeout` from now; no limit when `nil`.
    static func deadline(_ timeout: Duration?) -> NIODeadline {
        guard let timeout else { return .distantFuture }
        return .now() + timeAmount(timeout)
    }

    /// `duration` in SwiftNIO's unit, saturating instead of overflowing.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(seconds < 0 ? .min : .max) }
        return .nanoseconds(nanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue)
    }
}
#endif
