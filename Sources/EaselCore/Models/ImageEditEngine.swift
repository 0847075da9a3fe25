
/// Something that turns an edit request into images. Engines are chosen per model by
/// `ModelRegistry`; the worker fetches inputs, calls `edit`, and stores what it returns.
public protocol ImageEditEngine: Sendable {
    var descriptor: EngineDescriptor { get }

    /// Performs the edit. `progress` may be called from any task, any number of times, with
    /// fractions that never decrease. Cancellation of the calling task must stop the work at
    /// the engine's next safe point by throwing `CancellationError`.
    func edit(
        _ request: EditRequest,
        progress: @escaping @Sendable (EditProgress) -> Void
    ) async throws -> EditResult
}
