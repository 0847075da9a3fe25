/// The updates of one job, from `EaselClient.wait(for:)`: polls the query endpoint and yields
/// whenever the status, the queue position or the progress changed; ends after `.finished`.
/// Nothing runs in the background: polling happens while the caller iterates, and stops
/// when it stops (or its task is cancelled).
public struct JobUpdates: AsyncSequence, Sendable {
    public typealias Element = JobUpdate

    let client: EaselClient
    let jobID: String
    let interval: Duration

    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, jobID: jobID, interval: interval)
    }

    /// Follows the job to its end and returns it: succeeded, failed or canceled. A failed job
    /// is returned, not thrown: its `failure` says why.
    public func finalJob() async throws -> Job {
        for try await update in self {
            if case .finished(let job) = update { return job }
        }
        throw EaselClientError(kind: .invalidResponse, message: "the updates of job \(jobID) ended before it finished", url: client.baseURL)
    }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        private struct Seen: Equatable {
            var status: JobStatus
            var position: Int?
            var progress: Double?
        }

        let client: EaselClient
        let jobID: String
        let interval: Duration
        private var seen: Seen?
        private var polled = false
        private var finished = false

        init(client: EaselClient, jobID: String, interval: Duration) {
            self.client = client
            self.jobID = jobID
            self.interval = interval
        }

        public mutating func next() async throws -> JobUpdate? {
            guard !finished else { return nil }
            while true {
                if polled { try await Task.sleep(for: interval) }
                polled = true
                let job: Job
                do {
                    job = try await client.query(jobID)
                } catch let error as EaselClientError where error.isBusy {
                    continue // code 3000 means "retry later"; the job is still there
                }
                if job.status.isFinal {
                    finished = true
                    return .finished(job)
                }
                let now = Seen(status: job.status, position: job.queuePosition, progress: job.progress)
                if now != seen {
                    seen = now
                    return JobUpdate(job)
                }
            }
        }
    }
}
