import Foundation
import Subprocess
import SystemPackage

/// How many GPUs the runner's own PyTorch sees, for `--diffusion-devices auto`.
///
/// Asked of the runner's interpreter rather than of `nvidia-smi`: a CPU-only PyTorch on a GPU
/// machine, a driver it cannot use or a `CUDA_VISIBLE_DEVICES` list all count as the runner
/// will count them, so `auto` never starts a runner on a GPU it cannot use.
public enum RunnerGPUCount {
    /// - Throws: `RunnerFailure.startup` when the interpreter cannot say.
    public static func ask(options: RunnerOptions) async throws -> Int {
        // The device is irrelevant here: only the operator's own environment counts.
        var environment = options.environment.mapValues { $0 as String? }
        environment["HF_HUB_OFFLINE"] = "1"
        let script = "import torch; print(torch.cuda.device_count() if torch.cuda.is_available() else 0)"
        let result: ExecutionResult<Void, StringOutput<UTF8>, StringOutput<UTF8>>
        do {
            result = try await Subprocess.run(
                .path(FilePath(options.python)), arguments: ["-c", script],
                environment: .inherit.updating(Dictionary(uniqueKeysWithValues: environment.compactMap { name, value in
                    Environment.Key(rawValue: name).map { ($0, value) }
                })),
                output: .string(limit: 4096), error: .string(limit: 65536))
        } catch {
            throw RunnerFailure.startup("runner \(options.python) could not be run (to count its GPUs): \(error)")
        }
        let printed = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.terminationStatus.isSuccess, let count = Int(printed.split(separator: "\n").last ?? ""), count >= 0 else {
            let tail = result.standardError.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw RunnerFailure.startup(
                "could not count the GPUs with \(options.python) (\(result.terminationStatus)): \(tail)")
        }
        return count
    }
}
