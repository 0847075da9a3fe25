import EaselEngines
import EaselImaging

/// Statistics of the classic engine's result for a prompt on the photo-like test input, and
/// of the same input only fitted to size: what pixel-effect tests compare.
enum EngineMeasurement {
    static func measure(_ engine: ClassicEngine, _ prompt: String) async throws -> (before: ImageStatistics, after: ImageStatistics) {
        let request = try TestInputs.request(prompt)
        let result = try await engine.edit(request) { _ in }
        let after = try Raster.decode(result.images[0].data).statistics()
        let before = try Raster.decode(request.images[0].data)
            .resized(width: request.width, height: request.height).statistics()
        return (before, after)
    }
}
