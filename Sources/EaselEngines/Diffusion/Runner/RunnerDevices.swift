/// Which devices get a runner (`--diffusion-devices`): every GPU the runner's PyTorch sees
/// (`auto`), or an explicit list such as `cuda:0,cuda:1` or `cpu,cpu`.
public enum RunnerDevices: Sendable, Equatable, CustomStringConvertible {
    case auto
    case list([RunnerDevice])

    public static let rule = "must be auto, or a comma-separated list of cpu and cuda:N (each GPU at most once)"

    /// nil when `text` breaks `rule`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "auto" {
            self = .auto
            return
        }
        var devices: [RunnerDevice] = []
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let device = RunnerDevice(item.trimmingCharacters(in: .whitespaces)) else { return nil }
            if case .cuda = device, devices.contains(device) { return nil }
            devices.append(device)
        }
        guard !devices.isEmpty, devices.count <= 64 else { return nil }
        self = .list(devices)
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .list(let devices): devices.map(\.description).joined(separator: ",")
        }
    }

    /// The devices, given how many GPUs the runner's PyTorch sees (asked only for `auto`):
    /// one runner per GPU, or one CPU runner on a machine without any.
    public func resolved(gpuCount: () async throws -> Int) async rethrows -> [RunnerDevice] {
        switch self {
        case .list(let devices): return devices
        case .auto:
            let count = try await gpuCount()
            return count > 0 ? (0..<count).map(RunnerDevice.cuda) : [.cpu]
        }
    }
}
