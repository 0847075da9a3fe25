import EaselClient
import Foundation

/// Shows a job's updates on standard error: one redrawn bar on a terminal, plain lines
/// (one per change) when standard error is a file or a pipe, so logs stay readable.
struct ProgressReporter {
    private let terminal = isatty(STDERR_FILENO) == 1
    private var drawn = false

    mutating func show(_ update: JobUpdate) {
        let text: String
        switch update {
        case .queued(let position, _):
            text = position.map { "queued, position \($0)" } ?? "queued"
        case .running(let progress, _):
            let fraction = min(max(progress ?? 0, 0), 1)
            text = terminal ? "running \(Self.bar(fraction)) \(Self.percent(fraction))" : "running \(Self.percent(fraction))"
        case .finished(let job):
            text = job.status.description
        }
        if terminal {
            // Back to the line's start and clear it, so the bar redraws in place.
            write("\r\u{1B}[K" + text)
            drawn = true
            if case .finished = update { finish() }
        } else {
            write(text + "\n")
        }
    }

    /// Ends the redrawn line, so that what is printed next starts on a line of its own.
    mutating func finish() {
        if drawn { write("\n") }
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func bar(_ fraction: Double, width: Int = 30) -> String {
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    private static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded(.down)))%" }
}
