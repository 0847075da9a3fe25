import ArgumentParser
import AsyncHTTPClient
import EaselAPI
import EaselClient
import Foundation

/// `easel edit PHOTO… --prompt "…"`: in this process on the classic engine, or as a job on a
/// server with `--server` and `--key`. Usage errors exit 2, a failed edit 1, Ctrl-C 130.
struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit photos: in this process (classic engine), or as a job on an Easel server.",
        discussion: """
            Without --server the embedded classic engine edits the photos here: no server, no key.

            With --server URL --key KEY (or EASEL_SERVER, EASEL_KEY) local photos are uploaded, \
            URLs passed through, the job followed live and its results downloaded; Ctrl-C \
            cancels the job on the server.

            Without --size the first photo's size is used when the API allows it, else its \
            aspect ratio fitted into the allowed range (sides multiples of 16).

            With --plan no photo is needed and nothing is edited: it prints what the classic \
            engine makes of the prompt (the plan a job shows as actual_prompt) and what it \
            would report as not applied.

            Exit status: 0 saved, 1 the edit failed (the code and message are printed), \
            2 a usage error, 130 interrupted.
            """)

    @Argument(help: ArgumentHelp("1–4 images: local files, or http(s)/data: URLs with --server.", valueName: "photo"))
    var photos: [String] = []
    @Option(help: "What to do, in words.") var prompt: String
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output file; its extension picks png, jpg or webp (default: PHOTO-edited.png).", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Output size, e.g. 1024x768 (default: from the first photo).", valueName: "WxH"))
    var size: String?
    @Option(help: ArgumentHelp("How many variants, 1–4.", valueName: "n")) var numImages: Int?
    @Option(help: "Makes any randomness repeatable.") var seed: UInt64?
    @Option(help: "What not to do.") var negative: String?
    @Option(help: "Model id.") var model = EaselClient.defaultModel
    @Option(help: ArgumentHelp("Easel server (or EASEL_SERVER); without it the edit runs here.", valueName: "url"))
    var server: String?
    @Option(help: "API key for --server (or EASEL_KEY).") var key: String?
    @Flag(help: "Print the classic engine's plan for the prompt and edit nothing (no photo needed).")
    var plan = false

    /// `easel edit` follows the Unix convention for usage errors (2), not ArgumentParser's 64.
    static let usageExitCode = ExitCode(2)

    /// True when the command line asks for `easel edit`, even if it fails to parse.
    static func isInvoked(by arguments: [String]) -> Bool {
        arguments.dropFirst().first == "edit"
    }

    /// The message of a usage error with `easel edit`'s own usage: errors thrown by `run`
    /// carry no command, so ArgumentParser would print the root's.
    static func usageErrorMessage(for error: any Error) -> String {
        guard let validation = error as? ValidationError else { return Easel.fullMessage(for: error) }
        return "Error: \(validation.message)\nUsage: \(Easel.usageString(for: Edit.self))\n  See 'easel edit --help' for more information."
    }

    func run() async throws {
        if plan {
            guard photos.isEmpty else { throw ValidationError("--plan reads the prompt alone: give no photo") }
            return try PlanPreview(prompt: prompt).run()
        }
        let environment = ProcessInfo.processInfo.environment
        let server = server ?? environment["EASEL_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        let request = try makeRequest()
        do {
            if let server {
                guard let key = key ?? environment["EASEL_KEY"], !key.isEmpty else {
                    throw ValidationError("--server needs an API key: --key KEY or EASEL_KEY")
                }
                try await Self.withHTTPClient { http in
                    let client = EaselClient(baseURL: server, key: key, httpClient: http, pollInterval: .milliseconds(250))
                    try await RemoteEdit(request: request, client: client).run()
                }
            } else {
                if key != nil { throw ValidationError("--key needs --server (without one the edit runs here, with no key)") }
                try await LocalEdit(request: request).run()
            }
        } catch let interrupted as Interrupted {
            FileHandle.standardError.write(Data("\(interrupted.message)\n".utf8))
            throw ExitCode(130)
        }
    }

    /// A client that reports an unreachable server at once: a person is waiting, and the
    /// library's default retries connecting until its connect timeout.
    private static func withHTTPClient(_ body: (HTTPClient) async throws -> Void) async throws {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await body(http)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    private func makeRequest() throws -> EditCommandRequest {
        guard ArgumentRules.imageURLCountRange.contains(photos.count) else {
            throw ValidationError("give 1 to 4 photos (got \(photos.count))")
        }
        let parsedSize = try size.map { text in
            guard let size = EditSize(parsing: text) else {
                throw ValidationError("--size must be WIDTHxHEIGHT, e.g. 1024x768 (got \(text))")
            }
            return size
        }
        return EditCommandRequest(
            photos: photos, prompt: prompt, negativePrompt: negative, numImages: numImages, seed: seed,
            model: model, size: parsedSize,
            outputs: try EditOutputs(output: output, photos: photos, count: min(max(numImages ?? 1, 1), 4)))
    }
}
