import ArgumentParser
import EaselCore
import Foundation

@main
struct Easel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "easel",
        abstract: "Self-hosted image editing with the alibaba/wan-2.6/image-to-image job API.",
        version: EaselVersion.current,
        subcommands: [Serve.self, Edit.self, Keys.self, Jobs.self, Migrate.self])

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
            // `easel edit` is meant for scripts: its usage errors exit 2, as Unix tools' do.
            if Edit.isInvoked(by: CommandLine.arguments), exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((Edit.usageErrorMessage(for: error) + "\n").utf8))
                exit(withError: Edit.usageExitCode)
            }
            exit(withError: error)
        }
    }
}
