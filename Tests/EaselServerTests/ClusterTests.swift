import AsyncHTTPClient
import EaselTestSupport
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// Many nodes on one PostgreSQL database, with crashes: two API processes and three worker
/// processes, 300 jobs created across both API nodes with callbacks to a loopback receiver,
/// a worker SIGKILLed mid-job twice and an API node once. Every acknowledged job must succeed
/// exactly once, be charged once, call back (one `webhook-id` per job across retries), and
/// have results readable through both API nodes.
@Suite(.serialized) struct ClusterTests {
    static let jobCount = 300

    @Test func apiAndWorkerNodesSurviveCrashes() async throws {
        let database = try await TemporaryPostgres.shared.value.makeDatabase()
        let receiver = try await LoopbackImageServer.start(image: try ImageFixture.png())
        // Every third delivery fails once, so retries are part of the run.
        receiver.scriptHook(Array(repeating: [503, 200, 200], count: 40).flatMap { $0 })
        try await ProcessScope.run { scope in
            // A lease of 15 s: short enough that a killed worker's jobs come back soon, long
            // enough that a live worker's heartbeat (every 5 s) keeps it through a loaded
            // machine's pauses; and attempts to spare, so that a lapse now and then cannot
            // use a job's up.
            let shared = [
                "--database-url", database, "--lease-seconds", "15", "--max-attempts", "10", "--workers", "2",
                "--callback-schedule", "0.5,1,2,4,8,8,8,8", "--max-running-per-key", "100",
            ]
            let api1 = try await scope.start(extra: shared + ["--role", "api"])
            let key = try ProcessTests.firstKey(scope)
            let api2 = try await scope.start(extra: shared + ["--role", "api"])
            let workers = [
                try await scope.start(extra: shared + ["--role", "worker"]),
                try await scope.start(extra: shared + ["--role", "worker"]),
                try await scope.start(extra: shared + ["--role", "worker"]),
            ]
            let input = try ImageFixture.dataURL(width: 64, height: 48)
            let body = ProcessTests.createBody(
                ["prompt": "warmer", "image_urls": [input], "width": 768, "height": 768],
                callback: "\(receiver.baseURL)/hook")
            let acknowledged = Locked<[String]>([])

            // Creates, four at a time, alternating API nodes; the second API node is killed
            // after a third of them and its share goes to the first until it is back.
            let apiNodes = Locked([api1.baseURL, api2.baseURL])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<4 {
                    group.addTask {
                        for index in stride(from: lane, to: Self.jobCount, by: 4) {
                            // As a careful client does: an Idempotency-Key, and a retry on
                            // another node when the connection breaks, which gets the same job.
                            for attempt in 0..<6 {
                                let base = apiNodes.withLock { $0[(index + attempt) % $0.count] }
                                let client = LiveClient(http: scope.http, baseURL: base, key: key)
                                guard let reply = try? await client.sendRaw(
                                    .POST, "/api/v1/job/create", body: body, contentType: "application/json",
                                    headers: [("Idempotency-Key", "create-\(index)")])
                                else { continue }
                                if reply.status == 200, let id = JSON(data: reply.body)["job_id"].string {
                                    acknowledged.withLock { $0.append(id) }
                                }
                                break
                            }
                        }
                    }
                }
                // Meanwhile, while jobs flow: the second API node dies after a third of the
                // creates, then two workers die in the middle of their jobs and are replaced.
                group.addTask {
                    let watcher = LiveClient(http: scope.http, baseURL: api1.baseURL, key: key)
                    try await eventually("a third of the jobs to be created", timeout: .seconds(120)) {
                        acknowledged.withLock { $0.count } >= Self.jobCount / 3
                    }
                    apiNodes.withLock { $0 = [api1.baseURL] }
                    api2.kill()
                    for (round, share) in [(0, 2), (1, 3)] {
                        try await eventually("creates to go on", timeout: .seconds(120)) {
                            acknowledged.withLock { $0.count } >= Self.jobCount * share / 4
                        }
                        try await eventually("jobs to be running", timeout: .seconds(60)) {
                            try await Self.jobs(watcher, status: "running").count > 0
                        }
                        workers[round].kill()
                        _ = try await scope.start(extra: shared + ["--role", "worker"])
                    }
                }
                try await group.waitForAll()
            }
            let api2Again = try await scope.start(extra: shared + ["--role", "api"])
            let ids = Array(Set(acknowledged.withLock { $0 }))
            #expect(ids.count == Self.jobCount, "every create acknowledged once, retries included")

            let one = LiveClient(http: scope.http, baseURL: api1.baseURL, key: key)
            let other = LiveClient(http: scope.http, baseURL: api2Again.baseURL, key: key)

            try await eventually("every job to finish", timeout: .seconds(600)) {
                let queued = try await Self.jobs(one, status: "queued")
                let running = try await Self.jobs(one, status: "running")
                return queued.isEmpty && running.isEmpty
            }
            let all = try await Self.jobs(one, status: nil)
            #expect(all.count == ids.count, "no job was created twice or lost")
            #expect(Set(all.compactMap { $0["job_id"].string }) == Set(ids))
            for job in all {
                let id = job["job_id"].string ?? "?"
                #expect(job["status"].int == 2, "\(id): \(String(describing: job.value))")
                #expect(job["amount"].string == "0.026" && job["refunded"].bool == false, "\(id) is charged once")
            }
            // Generous, as the schedule's eight retries: on a loaded machine attempts can time
            // out, and a callback must still arrive, however late.
            try await eventually("every callback to arrive", timeout: .seconds(300)) {
                Set(receiver.hooks.filter { $0.status == 200 }.compactMap { $0.webhookID }).count == ids.count
            }
            let deliveredIDs = Set(receiver.hooks.compactMap { $0.webhookID })
            #expect(deliveredIDs == Set(ids.map { "msg_\($0)" }), "one webhook-id per job, across retries")

            for job in all.prefix(60) {
                let url = try #require(job["result"]["images"][0]["url"].string)
                let path = try #require(URLComponents(string: url)?.path)
                #expect(try await one.send(.GET, path).status == 200)
                #expect(try await other.send(.GET, path).status == 200, "a result is readable through every API node")
            }
        }
    }

    /// Every job of the key, or those of one status, through the list's cursor.
    static func jobs(_ client: LiveClient, status: String?) async throws -> [JSON] {
        var jobs: [JSON] = []
        var cursor: String?
        repeat {
            var path = "/api/v1/job/list?limit=100"
            if let status { path += "&status=\(status)" }
            if let cursor { path += "&cursor=\(cursor)" }
            let page = JSON(data: try await client.send(.GET, path).body)["data"]
            jobs += page["jobs"].array ?? []
            cursor = page["next_cursor"].string
        } while cursor != nil
        return jobs
    }
}

/// A value shared by a test's tasks.
final class Locked<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) {
        self.value = Mutex(value)
    }

    func withLock<T: Sendable>(_ body: (inout Value) -> T) -> T {
        value.withLock { body(&$0) }
    }
}
