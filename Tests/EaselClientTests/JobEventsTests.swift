import EaselClient
import Foundation
import Testing

/// `wait(for:)` follows a job through Easel's event stream, and polls where there is none.
@Suite struct JobEventsTests {
    @Test func waitFollowsQueueChangesThroughTheEventStream() async throws {
        try await LiveEasel.run(configure: { $0.role = .api }) { easel in
            // Polling once an hour: every update after the first can only come from events.
            let client = EaselClient(baseURL: easel.baseURL, key: easel.key, pollInterval: .seconds(3600))
            let first = try await client.create(try QueueTests.arguments())
            let second = try await client.create(try QueueTests.arguments())

            let updates = client.wait(for: second.id)
            let waiting = updates.makeAsyncIterator()
            let collected = try await within(.seconds(30), "the second job's updates") { () -> [JobUpdate] in
                var iterator = waiting
                var seen: [JobUpdate] = []
                while let update = try await iterator.next() {
                    seen.append(update)
                    // Each change is made once the previous one was reported.
                    if case .queued(2, _) = update { _ = try await client.cancel(first.id) }
                    if case .queued(1, _) = update { _ = try await client.cancel(second.id) }
                }
                return seen
            }
            guard collected.count == 3,
                  case .queued(2, let waitingJob) = collected[0],
                  case .queued(1, let nextJob) = collected[1],
                  case .finished(let canceled) = collected[2] else {
                Issue.record("expected queued 2, queued 1, finished; got \(collected)")
                return
            }
            // Progress events carry only the status, position and progress: the rest of the
            // job is the one queried at the start.
            #expect(waitingJob.id == second.id)
            #expect(nextJob.model == EaselClient.defaultModel)
            #expect(nextJob.createdAt != nil)
            #expect(canceled.status == .canceled)
            #expect(canceled.refunded == true)
        }
    }

    @Test(arguments: PollOnlyServer.EventsEndpoint.allCases)
    func waitPollsWhenTheEventStreamIsMissingOrEndsEarly(_ events: PollOnlyServer.EventsEndpoint) async throws {
        try await PollOnlyServer.run(events: events) { server in
            let client = EaselClient(baseURL: server.baseURL, key: "esk_test", pollInterval: .milliseconds(20))
            let updates = try await within(.seconds(30), "the polled updates") { () -> [JobUpdate] in
                var seen: [JobUpdate] = []
                for try await update in client.wait(for: PollOnlyServer.jobID) { seen.append(update) }
                return seen
            }
            let steps = updates.map { update -> String in
                switch update {
                case .queued(let position, _): "queued \(position.map(String.init) ?? "?")"
                case .running(let progress, _): "running \(progress.map { "\($0)" } ?? "?")"
                case .finished(let job): "finished \(job.status) \(job.images.count)"
                }
            }
            #expect(steps == ["queued 1", "running 0.5", "finished succeeded 1"])
            #expect(server.eventRequestCount == 1, "the stream is tried once, then polling takes over")
            #expect(server.queryCount == PollOnlyServer.answers.count)
        }
    }
}
