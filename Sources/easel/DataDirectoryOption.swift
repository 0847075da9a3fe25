import ArgumentParser
import EaselServer

/// `--data-dir`, shared by the commands that work on a data directory directly.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default: $EASEL_DATA_DIR or ./data).")
    var dataDirectory: String?

    /// The server's settings from the environment, with this option applied.
    func settings() throws -> ServerSettings {
        var settings = try ServerSettings(arguments: [])
        if let dataDirectory { settings.dataDirectory = dataDirectory }
        return settings
    }
}
