import EaselAPI
import EaselCore
import EaselImaging

extension ClassicEngine {
    /// Checks what the API should already have checked, so a bad call fails clearly
    /// instead of deep inside libvips. Returns the image to edit.
    func validate(_ request: EditRequest) throws -> InputImage {
        guard let first = request.images.first else {
            throw EngineError.undecodableInput(field: "image_urls", reason: "no input image was given")
        }
        guard request.images.count <= descriptor.maxInputImages else {
            throw EngineError.tooManyInputs(
                engine: descriptor.id, max: descriptor.maxInputImages, got: request.images.count)
        }
        guard (1...Self.maxOutputSide).contains(request.width),
              (1...Self.maxOutputSide).contains(request.height) else {
            throw EngineError.failure(
                "width, height: \(request.width)×\(request.height) is outside 1…\(Self.maxOutputSide) px")
        }
        guard request.numImages >= 1 else {
            throw EngineError.failure("num_images: must be at least 1 (got \(request.numImages))")
        }
        return first
    }

    /// Runs an imaging step off the cooperative pool, reporting its failure as the engine's.
    func run<T: Sendable>(_ step: @escaping @Sendable () throws -> T) async throws -> T {
        try await executor.run {
            do {
                return try step()
            } catch let error as ImagingError {
                throw EngineError.failure("classic engine: \(error.message)")
            }
        }
    }

    /// Maps a decode failure to the job error naming the input.
    static func inputError(_ error: any Error, field: String) -> any Error {
        guard let error = error as? ImagingError else { return error }
        if error.code == .tooLarge {
            return EngineError.inputTooLarge(field: field, reason: error.message)
        }
        return EngineError.undecodableInput(field: field, reason: error.message)
    }

    static func encoding(for format: OutputFormat) -> ImageEncoding {
        switch format {
        case .png: .png()
        case .jpeg: .jpeg(quality: 92)
        case .webp: .webp(quality: 90)
        }
    }

    /// Parts of the request this engine accepts but does not use, for `notApplied`.
    static func ignoredParts(of request: EditRequest) -> [String] {
        var parts = request.images.dropFirst().map {
            "\($0.field): the classic engine edits only the first image"
        }
        if let negative = request.negativePrompt, !negative.isEmpty {
            parts.append("negative_prompt: not used by the classic engine")
        }
        if request.promptExtend {
            parts.append("prompt_extend: the classic engine does not rewrite prompts")
        }
        return parts
    }
}
