import EaselCore

/// Fetches one input image by URL. Failures are `JobFailure`s naming the field.
protocol InputLoading: Sendable {
    func load(_ url: String, field: String) async throws(JobFailure) -> InputImage
}
