#if AsyncHTTPClientTransport
import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import SpindleRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// AsyncHTTPClient's and SwiftNIO's failures as the `TransportError` kinds `URLSessionTransport` reports, so
/// that `APIClient` retries and reports them the same whichever transport runs.
enum AsyncHTTPClientErrors {
    /// `CancellationError` for a cancelled request, a `TransportError` for a network failure, and any other
    /// error (such as an `HTTPBodyError` thrown while the request body was read) unchanged.
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case is CancellationError, is TransportError:
            return error
        case let timeout as SilenceTimeout:
            return TransportError(kind: .timedOut, message: "No data arrived for \(timeout.timeout).")
        case let error as HTTPClientError:
            return translate(error)
        case let error as NIOConnectionError:
            return TransportError(kind: .connectionFailed, message: "\(error)")
        case let error as ChannelError:
            return translate(error)
        case let error as IOError:
            return TransportError(kind: kind(ofErrno: error.errnoCode), message: "\(error)")
        case is HTTPParserError:
            return TransportError(kind: .connectionDropped, message: "The response is malformed: \(error)")
        default:
            return error
        }
    }

    private static func translate(_ error: HTTPClientError) -> any Error {
        let message = "AsyncHTTPClient: \(error)"
        switch error {
        case .cancelled, .requestStreamCancelled:
            return CancellationError()
        case .readTimeout, .writeTimeout, .connectTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
             .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
            return TransportError(kind: .timedOut, message: message)
        case .remoteConnectionClosed, .uncleanShutdown:
            return TransportError(kind: .connectionDropped, message: message)
        case .invalidProxyResponse, .proxyAuthenticationRequired:
            return TransportError(kind: .connectionFailed, message: message)
        default:
            return TransportError(kind: .other, message: message)
        }
    }

    private static func translate(_ error: ChannelError) -> any Error {
        switch error {
        case .connectTimeout:
            return TransportError(kind: .timedOut, message: "\(error)")
        case .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed, .eof:
            return TransportError(kind: .connectionDropped, message: "\(error)")
        default:
            return TransportError(kind: .other, message: "\(error)")
        }
    }

    /// Refused or unreachable: nothing reached the server. Reset or broken: the connection went mid-exchange.
    private static func kind(ofErrno code: Int32) -> TransportError.Kind {
        switch code {
        case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ENETDOWN:
            .connectionFailed
        case ECONNRESET, EPIPE, ECONNABORTED, ENOTCONN:
            .connectionDropped
        case ETIMEDOUT:
            .timedOut
        default:
            .other
        }
    }
}
#endif
