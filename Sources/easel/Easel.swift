import ArgumentParser
import EaselCore
import Foundation

@main
struct Easel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "easel",
        abstract: "Self-hosted image editing with the alibaba/wan-2.6/image-to-image job API.",
        version: EaselVersion.current,
        subcommands: [Serve.self, Keys.self, Jobs.self, Migrate.self])

    static func main() async {
        // Everything Easel writes (the database with its webhook secrets, uploads, results,
        // the first key's file) is for its own user alone, whatever umask it was started with.
        umask(0o077)
        ProcessMemory.limitArenas(to: 2 * ProcessInfo.processInfo.activeProcessorCount)
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
