import EaselClient
import Foundation
import Testing

/// Cancel, list and queue positions, against a server that only serves the API (`role =
/// .api`): with no worker, a job stays queued until it is canceled.
@Suite struct QueueTests {
    static func arguments() throws -> EditArguments {
        EditArguments(prompt: "brighter", imageURLs: [try TestImage.dataURL(width: 64, height: 48)], width: 1024, height: 768)
    }

    @Test func waitReportsTheQueuePositionAndEndsWithTheCanceledJob() async throws {
        try await LiveEasel.run(configure: { $0.role = .api }) { easel in
            let client = easel.client
            let first = try await client.create(try Self.arguments())
            let second = try await client.create(try Self.arguments())

            let updates = client.wait(for: second.id)
            var iterator = updates.makeAsyncIterator()
            guard case .queued(let position, let job) = try await iterator.next() else {
                Issue.record("a job nobody runs is reported queued first")
                return
            }
            #expect(position == 2, "the second job waits behind the first")
            #expect(job.id == second.id)

            let canceled = try await client.cancel(second.id)
            #expect(canceled.status == .canceled)
            #expect(canceled.refunded == true)
            let waiting = iterator
            let rest = try await within(.seconds(30), "the canceled job's updates to end") { () -> [JobUpdate] in
                var remaining = waiting
                var updates: [JobUpdate] = []
                while let update = try await remaining.next() { updates.append(update) }
                return updates
            }
            #expect(rest == [.finished(canceled)], "the updates end with the job as canceled")

            // The first job is still queued, now first in line.
            #expect(try await client.query(first.id).queuePosition == 1)

            // A finished job cannot be canceled again: the API's code 2010, as a typed error.
            let error = try await #require(throws: EaselClientError.self) { try await client.cancel(second.id) }
            #expect(error.kind == .api)
            #expect(error.code == 2010)
            #expect(error.httpStatus == 409)
            #expect(error.message == "id: job \(second.id) already finished (canceled); nothing to cancel")
        }
    }

    @Test func anIdempotencyKeyMakesARetriedCreateAnswerWithTheSameJob() async throws {
        try await LiveEasel.run(configure: { $0.role = .api }) { easel in
            let client = easel.client
            let arguments = try Self.arguments()
            let first = try await client.create(arguments, idempotencyKey: "order-17")
            let retried = try await client.create(arguments, idempotencyKey: "order-17")
            #expect(retried == first)
            let other = try await client.create(arguments, idempotencyKey: "order-18")
            #expect(other.id != first.id)
            #expect(try await client.list().jobs.map(\.id) == [other.id, first.id])
        }
    }

    @Test func listPagesThroughTheKeysJobsNewestFirst() async throws {
        try await LiveEasel.run(configure: { $0.role = .api }) { easel in
            let client = easel.client
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await client.create(try Self.arguments()).id) }
            _ = try await client.cancel(ids[0])

            let firstPage = try await client.list(limit: 2)
            #expect(firstPage.jobs.map(\.id) == [ids[2], ids[1]])
            let cursor = try #require(firstPage.nextCursor)
            let lastPage = try await client.list(limit: 2, cursor: cursor)
            #expect(lastPage.jobs.map(\.id) == [ids[0]])
            #expect(lastPage.nextCursor == nil)

            #expect(try await client.list(status: .queued).jobs.map(\.id) == [ids[2], ids[1]])
            #expect(try await client.list(status: .canceled).jobs.map(\.id) == [ids[0]])
            #expect(try await client.list(status: .succeeded).jobs.isEmpty)
        }
    }
}
