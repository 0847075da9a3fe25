import EaselAPI
import EaselCore
import Foundation
import Hummingbird
import ServiceLifecycle
import Synchronization

/// `GET /api/v1/job/events?id=`: the job followed live as Server-Sent Events. A `progress`
/// event whenever status, queue position or progress changed, a comment every 15 s so that
/// proxies keep the stream open, and a last `done` event whose data is the query answer.
///
/// The stream reads the job from the store every `eventPoll`: the job may be run by another
/// node, and one indexed read per watcher and interval is cheap beside an edit.
extension JobController {
    static var eventPoll: Duration { .milliseconds(250) }
    static var keepAlive: Duration { .seconds(15) }

    @Sendable func events(_ request: Request, context: Context) async throws -> Response {
        let key = try context.authenticatedKey()
        let first = try await ownedJob(request, key: key)
        let store = store, views = views
        let body = ResponseBody { writer in
            // Ends early on shutdown: an open stream must not hold the server up.
            let stopping = Atomic(false)
            try await withGracefulShutdownHandler {
                var job = first
                var last: JobEventView?
                var lastWrite = ContinuousClock.now
                while !job.status.isTerminal {
                    guard !stopping.load(ordering: .relaxed) else { return }
                    let position = job.status == .queued ? try await store.queuePosition(jobID: job.id) : nil
                    let event = JobEventView(jobID: job.id, status: job.status, queuePosition: position,
                                             progress: job.progress)
                    // A queued job without a position left the queue between the two reads
                    // (claimed or canceled): its next read says how, so nothing stale is sent.
                    let leaving = job.status == .queued && position == nil
                    if !leaving, event != last {
                        try await writer.write(try Self.event("progress", event))
                        last = event
                        lastWrite = .now
                    } else if ContinuousClock.now - lastWrite >= Self.keepAlive {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        lastWrite = .now
                    }
                    try await Task.sleep(for: Self.eventPoll)
                    // A key revoked meanwhile no longer sees the job: the stream ends.
                    guard let next = try await store.job(id: job.id, keyID: key.id) else { return }
                    job = next
                }
                try await writer.write(try Self.event("done", Envelope(data: views.view(job))))
            } onGracefulShutdown: {
                stopping.store(true, ordering: .relaxed)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: body)
    }

    /// `event: NAME` and one `data:` line of compact JSON (JSON has no raw newlines).
    private static func event(_ name: String, _ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        return ByteBuffer(string: "event: \(name)\ndata: \(json)\n\n")
    }
}
