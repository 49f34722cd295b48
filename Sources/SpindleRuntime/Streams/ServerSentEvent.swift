import Foundation

/// One event of a `text/event-stream` response (Server-Sent Events), as the WHATWG HTML standard defines
/// them: the data of its `data:` lines, with the event type, the last event id and the reconnection time
/// the server has set.
///
/// `Payload` is the type the spec documents for the data, decoded from its JSON, or `String` for the raw text.
///
/// ```swift
/// for try await event in try await client.chat.completions.stream(body: request) {
///     print(event.data.choices[0].delta.content ?? "")
/// }
/// ```
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The event's data: its `data:` lines joined with line feeds, decoded as `Payload`.
    public var data: Payload
    /// The event type (`event:`), or `nil` for the default type, which browsers call `message`.
    public var event: String?
    /// The last event id the server set (`id:`) on this stream, carried over from earlier events as the
    /// standard says, or `nil` if none is set. Send it as `Last-Event-ID` to resume after a disconnect.
    public var id: String?
    /// The reconnection time the server last set on this stream (`retry:`), or `nil` if it set none.
    public var retry: Duration?

    /// Creates an event.
    public init(data: Payload, event: String? = nil, id: String? = nil, retry: Duration? = nil) {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry
    }
}

extension ServerSentEvent: Equatable where Payload: Equatable {}
extension ServerSentEvent: Hashable where Payload: Hashable {}
