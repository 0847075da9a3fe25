/// One event of a `text/event-stream`: its `event:` name (`message` when none was given) and
/// its `data:` lines joined by newlines.
struct ServerSentEvent: Sendable, Equatable {
    var name: String
    var data: String
}
