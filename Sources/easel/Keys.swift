import ArgumentParser
import EaselCore
import EaselServer
import Foundation

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print its secret once.")
        @OptionGroup var location: StoreOption
        @Option(help: "A name to recognise the key by.") var name = "unnamed"

        func run() async throws {
            let (key, secret) = try await location.withStores { stores, _ in
                try await APIKeyIssuer(store: stores.keys).create(name: name)
            }
            print("created \(key.id) (\(key.name)); the secret is shown only now:")
            print(secret)
            print("callbacks for this key's jobs are signed with (Standard Webhooks):")
            print(key.webhookSecret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")
        @OptionGroup var location: StoreOption
        @Flag(help: "Print a JSON array instead of a table.") var json = false

        func run() async throws {
            let keys = try await location.withStores { stores, _ in try await stores.keys.allKeys() }
            var table = Table(columns: ["id", "prefix", "name", "created", "state"])
            table.rows = keys.map { key in
                [key.id, key.prefix + "…", key.name, key.createdAt.formatted(.iso8601),
                 key.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "active"]
            }
            print(try table.render(json: json))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by id; it stops working at once, and its unfinished jobs are canceled and refunded.")
        @OptionGroup var location: StoreOption
        @Argument(help: "The key's id, e.g. key_3f9a0c1d.") var id: String

        func run() async throws {
            guard let revocation = try await location.withStores({ stores, _ in try await stores.keys.revoke(id: id) }) else {
                throw CommandFailure("no active key with id \(id)")
            }
            print("revoked \(id); its queued jobs canceled and refunded: \(revocation.canceledQueued), "
                + "running jobs asked to stop: \(revocation.stoppingRunning)")
        }
    }
}
