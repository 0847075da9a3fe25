/// `urls` of a job: where to poll it, cancel it (POST) and follow it live (Server-Sent Events).
public struct JobLinksView: Codable, Sendable, Equatable {
    public var get: String
    public var cancel: String
    public var events: String

    public init(get: String, cancel: String, events: String) {
        self.get = get
        self.cancel = cancel
        self.events = events
    }
}
