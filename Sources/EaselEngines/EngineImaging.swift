import EaselAPI
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

    static func encoding(for format: OutputFormat) -> ImageEncoding {
        switch format {
        case .png: .png()
        case .jpeg: .jpeg(quality: 92)
        case .webp: .webp(quality: 90)
        }
    }
}
