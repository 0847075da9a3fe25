import ArgumentParser
import EaselAPI
import EaselCore
import EaselServer
import Foundation

struct Jobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect and cancel jobs of every key (for operators).",
        subcommands: [List.self, Show.self, Cancel.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")
        @OptionGroup var location: StoreOption
        @Option(help: "Only this status: 0–4 or queued, running, succeeded, failed, canceled.") var status: String?
        @Option(help: "Only this key's jobs (its id, e.g. key_3f9a0c1d).") var key: String?
        @Option(help: "How many to show.") var limit = 50
        @Flag(help: "Print a JSON array instead of a table.") var json = false

        func run() async throws {
            let filter = try status.map { text in
                guard let found = JobStatus(parsing: text) else {
                    throw ValidationError("--status must be 0–4 or a status name (got \(text))")
                }
                return found
            }
            let jobs = try await location.withStores { stores, _ in
                try await stores.jobs.jobs(keyID: key, status: filter, before: nil, limit: limit)
            }
            var table = Table(columns: ["id", "status", "key", "engine", "amount", "charge", "created"])
            table.rows = jobs.map { job in
                [job.id, job.status.name, job.keyID, job.engine, job.amount.description,
                 job.refunded ? "refunded" : "charged", job.createdAt.formatted(.iso8601)]
            }
            print(try table.render(json: json))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a job as the query endpoint shows it.")
        @OptionGroup var location: StoreOption
        @Argument(help: "The job id.") var id: String

        func run() async throws {
            try await location.withStores { stores, settings in
                guard let job = try await stores.jobs.job(id: id, keyID: nil) else {
                    throw CommandFailure("no job with id \(id)")
                }
                print(try JobPrinter.json(job, settings: settings))
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a job: at once when queued; a running job stops at its next heartbeat.")
        @OptionGroup var location: StoreOption
        @Argument(help: "The job id.") var id: String

        func run() async throws {
            switch try await location.withStores({ stores, _ in try await stores.jobs.cancel(jobID: id, keyID: nil) }) {
            case .canceled: print("canceled \(id) (refunded)")
            case .requested: print("cancel requested for running job \(id); its worker stops at the next heartbeat")
            case .alreadyFinished(let job): throw CommandFailure("job \(id) already finished (\(job.status.name))")
            case .notFound: throw CommandFailure("no job with id \(id)")
            }
        }
    }
}
