import EaselCore
import EaselImaging

/// Image handling every engine does the same way: how a decode failure reads on the job,
/// and how each output format is encoded.
enum EngineImaging {
    /// Maps a decode failure to the job error naming the input.
    static func inputError(_ error: any Error, field: String) -> any Error {
        guard let error = error as? ImagingError else { return error }
        if error.code == .tooLarge {
            return EngineError.inputTooLarge(field: field, reason: error.message)
        }
        return EngineError.undecodableInput(field: field, reason: error.message)
    }

    /// Decodes one input under `limits`, off the cooperative pool, once `budget` has room
    /// for its worst case; a failure names the input's field.
    static func decode(
        _ input: InputImage, limits: ImagingLimits, atLeast: (width: Int, height: Int)? = nil,
        executor: BlockingExecutor, budget: DecodeBudget
    ) async throws -> Raster {
        let cost = try await decodeCost(input, limits: limits, executor: executor)
        return try await budget.withReservation(cost) {
            try await executor.run {
                do {
                    return try Raster.decode(input.data, limits: limits, atLeast: atLeast)
                } catch {
                    throw inputError(error, field: input.field)
                }
            }
        }
    }

    /// The memory a whole decode of `input` may take, from its header, off the cooperative
    /// pool; a failure names the input's field.
    static func decodeCost(_ input: InputImage, limits: ImagingLimits, executor: BlockingExecutor) async throws -> Int {
        try await executor.run {
            do { return try Raster.decodeCost(input.data, limits: limits) } catch { throw inputError(error, field: input.field) }
        }
    }

    static func encoding(for format: OutputFormat) -> ImageEncoding {
        switch format {
        case .png: .png()
        case .jpeg: .jpeg(quality: 92)
        case .webp: .webp(quality: 90)
        }
    }
}
