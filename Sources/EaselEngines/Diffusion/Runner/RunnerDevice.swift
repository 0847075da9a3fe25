/// The device one runner computes on: the CPU, or one GPU by its index among the GPUs the
/// server sees (CUDA's numbering, after any `CUDA_VISIBLE_DEVICES` of the server's own).
public enum RunnerDevice: Sendable, Hashable, CustomStringConvertible {
    case cpu
    case cuda(Int)

    /// `cpu` or `cuda:N`.
    public init?(_ text: String) {
        if text == "cpu" {
            self = .cpu
            return
        }
        guard text.hasPrefix("cuda:"), let index = Int(text.dropFirst(5)), index >= 0, index < 1024,
              String(index) == text.dropFirst(5) else { return nil }
        self = .cuda(index)
    }

    public var description: String {
        switch self {
        case .cpu: "cpu"
        case .cuda(let index): "cuda:\(index)"
        }
    }

    /// The runner's own `--device`: a GPU runner sees only its GPU, as `cuda`.
    var runnerFlag: String {
        switch self {
        case .cpu: "cpu"
        case .cuda: "cuda"
        }
    }

    /// What the runner's `CUDA_VISIBLE_DEVICES` must be so that it sees this device alone:
    /// the N-th entry of the server's own list when it has one (ids or UUIDs), else N. A CPU
    /// runner sees no GPU at all, so that nothing it loads lands on one by accident.
    func visibleDevices(inherited: String?) -> String? {
        switch self {
        case .cpu:
            return ""
        case .cuda(let index):
            guard let inherited else { return String(index) }
            let entries = inherited.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return index < entries.count ? entries[index] : nil
        }
    }
}
