/// Why a job failed, for programs: `data.error.code` on the wire, `error_code` in the stores.
///
/// A struct over a string rather than an enum: a store may hold codes written by another
/// version of Easel, and reading one must not fail. Code here names the constants, never the
/// strings.
public struct JobErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// An input URL could not be fetched (refused address, DNS, timeout, status, size, bad `data:`).
    public static let inputFetchFailed = Self(rawValue: "input_fetch_failed")
    /// An input is not a supported, intact image.
    public static let inputUndecodable = Self(rawValue: "input_undecodable")
    /// An input breaks the pixel or side caps.
    public static let inputTooLarge = Self(rawValue: "input_too_large")
    /// The engine can do nothing the prompt asks.
    public static let unsupportedPrompt = Self(rawValue: "unsupported_prompt")
    /// More inputs than the engine reads.
    public static let tooManyInputs = Self(rawValue: "too_many_inputs")
    /// The engine failed, or returned something other than what was asked.
    public static let engineFailed = Self(rawValue: "engine_failed")
    /// The engine's process died during the job's last allowed attempt.
    public static let runnerLost = Self(rawValue: "runner_lost")
    /// The job's worker died on every allowed attempt.
    public static let attemptsExhausted = Self(rawValue: "attempts_exhausted")
    /// The job's model is no longer served.
    public static let modelUnavailable = Self(rawValue: "model_unavailable")
    /// Anything the server did not expect; the log has the details.
    public static let internalError = Self(rawValue: "internal_error")
}
