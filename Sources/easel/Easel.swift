import ArgumentParser

@main
struct Easel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "easel",
        abstract: "Self-hosted image editing with the alibaba/wan-2.6/image-to-image job API.",
        subcommands: [Serve.self, Keys.self, Jobs.self])
}
