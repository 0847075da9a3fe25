import ArgumentParser
import EaselServer

/// `easel migrate`: brings a database's schema up to this version and exits. `easel serve`
/// does the same at start (under an advisory lock, so nodes never race); this is for a
/// deployment step that runs before the nodes start.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update the database schema (PostgreSQL with --database-url, else SQLite) and exit.")
    @OptionGroup var location: StoreOption

    func run() async throws {
        let location = try await self.location.withStores { stores, _ in stores.location }
        print("schema up to date: \(location)")
    }
}
