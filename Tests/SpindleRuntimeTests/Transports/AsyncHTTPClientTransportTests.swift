#if AsyncHTTPClientTransport
import AsyncHTTPClient
import Foundation
import NIOPosix
import SpindleAsyncHTTPClient
import SpindleRuntime
import Testing

/// What only the AsyncHTTPClient transport has: its lifecycle and its configuration. Everything it shares with
/// `URLSessionTransport` runs in the suites parameterised over `TransportUnderTest.all`.
@Suite struct AsyncHTTPClientTransportTests {
    static func get(_ url: URL) -> HTTPRequest {
        HTTPRequest(method: .get, url: url.appendingPathComponent("widgets"))
    }

    @Test func aConfigurationThatFollowsRedirectsIsOverruled() async throws {
        let otherLog = RequestLog()
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        let transport = AsyncHTTPClientTransport(configuration: configuration)
        let status = try await TestServer.run({ request in
            _ = otherLog.record(request)
            return .json(widgetJSON)
        }) { other in
            try await TestServer.run({ _ in .status(302, headers: ["Location": other.absoluteString + "/stolen"]) }) { api in
                try await transport.send(Self.get(api), timeout: .seconds(30)).status
            }
        }
        try await transport.shutdown()
        #expect(status == 302)
        #expect(otherLog.count == 0)
    }

    @Test func anAppsEventLoopGroupIsSharedAndOutlivesTheTransport() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let transport = AsyncHTTPClientTransport(eventLoopGroup: group)
        let response = try await TestServer.run({ _ in .json(widgetJSON) }) { url in
            try await transport.send(Self.get(url), timeout: .seconds(30))
        }
        #expect(response.bodyText == widgetJSON)
        try await transport.shutdown()
        // The group is the app's: still running after the transport shut down, until the app stops it.
        #expect(try await group.next().submit { 42 }.get() == 42)
        try await group.shutdownGracefully()
    }

    @Test func aShutDownTransportFailsRequestsWithATransportError() async throws {
        let transport = AsyncHTTPClientTransport()
        try await transport.shutdown()
        await #expect(throws: TransportError.self) {
            try await transport.send(Self.get(URL(string: "http://127.0.0.1:9")!), timeout: .seconds(5))
        }
    }

    @Test func aTransportReleasedWithoutShutdownShutsItsClientDown() async throws {
        // A debug build of AsyncHTTPClient traps when a client that was not shut down is deinitialised: this
        // process would crash here if the transport did not shut its client down on release.
        try await TestServer.run({ _ in .json(widgetJSON) }) { url in
            for _ in 0..<3 {
                let transport = AsyncHTTPClientTransport()
                let status = try await transport.send(Self.get(url), timeout: .seconds(30)).status
                #expect(status == 200)
            }
        }
        try await Task.sleep(for: .milliseconds(200))
    }
}
#endif
