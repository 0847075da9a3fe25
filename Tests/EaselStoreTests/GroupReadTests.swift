import EaselCore
import Foundation
import Testing

/// Polls on SQLite share trips to a reader (`GroupRead`): many at once must each get the job
/// they asked for, and an unknown id must stay unknown however it was batched. A poll left
/// unanswered fails the test at its time limit.
@Suite struct GroupReadTests {
    @Test(arguments: StoreKind.allCases) func concurrentPollsEachGetTheirOwnJob(_ kind: StoreKind) async throws {
        let db = try await StoreFixture(kind)
        defer { db.remove() }
        var jobs: [Job] = []
        for _ in 0..<40 { jobs.append(try await db.enqueue(db.newJob())) }
        let asked = (0..<400).map { index in index % 5 == 0 ? "missing-\(index)" : jobs[index % jobs.count].id }.shuffled()
        let answers = try await concurrently(asked.count) { index in
            (asked[index], try await db.jobs.job(id: asked[index], keyID: db.keyID))
        }
        #expect(answers.count == asked.count)
        for (id, job) in answers {
            if id.hasPrefix("missing-") {
                #expect(job == nil, "\(id)")
            } else {
                #expect(job == jobs.first { $0.id == id }, "\(id)")
            }
        }
        // Positions, read the same way, follow the queue.
        let ids = jobs.map(\.id)
        let positions = try await concurrently(ids.count) { index in try await db.jobs.queuePosition(jobID: ids[index]) }
        #expect(positions == jobs.indices.map { $0 + 1 })
    }
}
