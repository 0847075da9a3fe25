import EaselServer
import Foundation

/// Makes the real diffusion runner misbehave on purpose (`easel_runner.faults`): the runner
/// reads the fault named in this file whenever one could apply, so a test can switch faults
/// while the server runs.
final class RunnerFault: Sendable {
    enum Kind: String {
        /// Every start fails with `fatal` before the model loads.
        case exitAtStart = "exit-at-start"
        /// The runner SIGKILLs itself at the first denoising step of every job.
        case exitOnEdit = "exit-on-edit"
        /// A cancel is never confirmed: the job's step blocks forever.
        case hangOnCancel = "hang-on-cancel"
        /// Every step waits while this fault is set, until its job is canceled: a job that
        /// is still running whenever the test looks, however slow the machine.
        case holdAtStep = "hold-at-step"
    }

    let file: URL

    init(_ kind: Kind? = nil) throws {
        file = FileManager.default.temporaryDirectory.appendingPathComponent("easel-runner-fault-\(UUID().uuidString)")
        try set(kind)
    }

    /// nil: no fault from now on.
    func set(_ kind: Kind?) throws {
        try Data((kind?.rawValue ?? "").utf8).write(to: file)
    }

    /// Points the server's runner at this file.
    func install(in settings: inout ServerSettings) {
        settings.diffusion.environment["EASEL_RUNNER_FAULT_FILE"] = file.path
    }

    deinit {
        try? FileManager.default.removeItem(at: file)
    }
}
