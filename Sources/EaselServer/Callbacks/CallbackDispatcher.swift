import EaselAPI
import EaselCore
import EaselFetch
import Foundation
import Logging
import ServiceLifecycle

/// Sends finished jobs' callbacks from the outbox: the query body, signed per Standard
/// Webhooks, to the job's `callback_url`, retried on non-2xx answers, timeouts and connection
/// errors along `schedule` (or after the receiver's `Retry-After`, bounded by the schedule's
/// longest delay); a 410 Gone ends the delivery. Redirects are not followed; the fetcher's
/// address rules apply.
struct CallbackDispatcher: Service, CustomStringConvertible {
    let callbacks: any CallbackStore
    let jobs: any JobStore
    let views: JobViewBuilder
    let fetcher: URLFetcher
    let schedule: RetrySchedule
    let attemptTimeout: Duration
    let concurrency: Int
    let poll: Duration
    let metrics: EaselMetrics
    let logger: Logger
    let owner = "callbacks-\(RandomToken.hex(bytes: 4))"

    var description: String { "CallbackDispatcher" }

    func run() async throws {
        // An attempt cut short by shutdown is made again after its lease expires.
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for _ in 0..<concurrency {
                    group.addTask { await deliveryLoop() }
                }
            }
        }
    }

    private func deliveryLoop() async {
        while !Task.isCancelled {
            do {
                if let delivery = try await callbacks.claimDue(owner: owner, leaseDuration: attemptTimeout * 2) {
                    try await deliver(delivery)
                    continue
                }
            } catch is CancellationError {
                // Shutdown: the outbox keeps what is due for the next start.
                return
            } catch {
                logger.error("callback dispatch failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: poll)
        }
    }

    private func deliver(_ delivery: CallbackDelivery) async throws {
        let payload: String
        do {
            payload = try await self.payload(for: delivery)
        } catch {
            // Counted as an attempt, so that a persistent problem ends in gave_up, not a loop.
            try await settle(delivery, failure: "building the body failed: \(error)", permanent: false)
            return
        }
        guard let signer = WebhookSigner(secret: delivery.signingSecret) else {
            try await settle(delivery, failure: "the key has no valid signing secret", permanent: true)
            return
        }
        let body = Data(payload.utf8)
        let timestamp = Int(Date().timeIntervalSince1970)
        let headers = [("Content-Type", "application/json")] + signer.headers(webhookID: delivery.webhookID, timestamp: timestamp, body: body)
        do {
            let response = try await fetcher.post(delivery.url, body: body, headers: headers, timeout: attemptTimeout)
            if (200...299).contains(response.status) {
                try await settle(delivery, failure: nil, permanent: false)
            } else if response.status == 410 {
                // Standard Webhooks: 410 Gone means the receiver wants no more deliveries.
                try await settle(delivery, failure: "HTTP 410 (the receiver is gone; not retried)", permanent: true)
            } else {
                let retryAfter = response.retryAfter.flatMap { RetryAfter.delay($0, now: Date()) }
                try await settle(delivery, failure: "HTTP \(response.status)", permanent: false, retryAfter: retryAfter)
            }
        } catch is CancellationError {
            return  // shutting down: the lease expires and the attempt is made again later
        } catch let error as FetchError {
            // A refused or malformed address stays so: retrying for a day would change nothing.
            let permanent = error.kind == .refused || error.kind == .invalidURL
            try await settle(delivery, failure: "\(error)", permanent: permanent)
        } catch {
            try await settle(delivery, failure: "\(error)", permanent: false)
        }
    }

    /// Records one attempt: delivered (`failure` nil), retried along the schedule, or given up.
    /// `retryAfter`: the wait the receiver asked for, which replaces the schedule's delay.
    private func settle(
        _ delivery: CallbackDelivery, failure: String?, permanent: Bool, retryAfter: TimeInterval? = nil
    ) async throws {
        let attempts = delivery.attempts + 1
        let result: CallbackAttemptResult = if let failure {
            if !permanent, let next = schedule.nextAttempt(after: attempts, from: Date(), retryAfter: retryAfter) {
                .retry(at: next, error: failure)
            } else {
                .gaveUp(error: failure)
            }
        } else {
            .delivered
        }
        metrics.callbackAttempt(result)
        logger.info("callback attempt", metadata: [
            "job": "\(delivery.jobID)", "attempt": "\(attempts)", "outcome": "\(failure ?? "delivered")",
        ])
        if try await !callbacks.record(jobID: delivery.jobID, owner: owner, result: result) {
            logger.warning("callback lease lost before the attempt was recorded", metadata: ["job": "\(delivery.jobID)"])
        }
    }

    /// The body of every attempt is the query answer as of the first attempt.
    private func payload(for delivery: CallbackDelivery) async throws -> String {
        if let payload = delivery.payload { return payload }
        guard let job = try await jobs.job(id: delivery.jobID, keyID: delivery.keyID) else {
            throw DispatchError(message: "job \(delivery.jobID) of a pending callback is missing")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let text = String(decoding: try encoder.encode(Envelope(data: views.view(job))), as: UTF8.self)
        _ = try await callbacks.setPayload(jobID: delivery.jobID, owner: owner, payload: text)
        return text
    }

    struct DispatchError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
