import Foundation

/// The updates of one job, from `EaselClient.wait(for:)`: yields whenever the status, the
/// queue position or the progress changed; ends after `.finished`.
///
/// Against Easel the job is followed live through `GET /api/v1/job/events`; where that stream
/// cannot be opened (the hosted API answers 404) or ends before its `done` event, the query
/// endpoint is polled instead. Nothing runs in the background: requests happen while the
/// caller iterates, and stop when it stops (or its task is cancelled).
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
        private var triedEvents = false
        private var events: JobEventStream?
        /// The whole job as last known, which progress events (status, position, progress
        /// only) update.
        private var latest: Job?

        init(client: EaselClient, jobID: String, interval: Duration) {
            self.client = client
            self.jobID = jobID
            self.interval = interval
        }

        public mutating func next() async throws -> JobUpdate? {
            guard !finished else { return nil }
            if !triedEvents {
                triedEvents = true
                events = try await JobEventStream.open(client, jobID: jobID)
            }
            if let events {
                if let update = try await nextEvent(from: events) { return update }
                self.events = nil
            }
            while true {
                if polled { try await Task.sleep(for: interval) }
                polled = true
                let job: Job
                do {
                    job = try await client.query(jobID)
                } catch let error as EaselClientError where error.isBusy {
                    continue // code 3000 means "retry later"; the job is still there
                }
                if let update = report(job) { return update }
            }
        }

        /// The next update the stream brings, or nil when it ended or broke before `done`.
        private mutating func nextEvent(from events: JobEventStream) async throws -> JobUpdate? {
            let decoder = JSONDecoder()
            while true {
                let event: ServerSentEvent?
                do {
                    event = try await events.next()
                } catch {
                    if Task.isCancelled || error is CancellationError { throw CancellationError() }
                    return nil
                }
                guard let event else { return nil }
                let data = Data(event.data.utf8)
                switch event.name {
                case "progress":
                    // The event's fields are a subset of the query answer's.
                    guard let change = try? decoder.decode(Job.self, from: data), !change.status.isFinal else { continue }
                    var job = try await latestJob(orElse: change)
                    job.status = change.status
                    job.queuePosition = change.queuePosition
                    job.progress = change.progress
                    latest = job
                    if let update = report(job) { return update }
                case "done":
                    guard let envelope = try? decoder.decode(ResponseEnvelope<Job>.self, from: data),
                          envelope.code == 0, let job = envelope.data, job.status.isFinal else { return nil }
                    return report(job)
                default:
                    continue
                }
            }
        }

        /// The job as last known; the first time, queried whole (or, while the server is
        /// busy, what the event said).
        private mutating func latestJob(orElse change: Job) async throws -> Job {
            if let latest { return latest }
            do {
                return try await client.query(jobID)
            } catch let error as EaselClientError where error.isBusy {
                return change
            }
        }

        /// The update `job` makes, or nil when nothing the caller sees changed.
        private mutating func report(_ job: Job) -> JobUpdate? {
            if job.status.isFinal {
                finished = true
                return .finished(job)
            }
            let now = Seen(status: job.status, position: job.queuePosition, progress: job.progress)
            guard now != seen else { return nil }
            seen = now
            return JobUpdate(job)
        }
    }
}
