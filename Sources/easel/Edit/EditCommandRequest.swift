import EaselClient
import EaselCore

/// What `easel edit` was asked for, once its options are read: the same in both modes.
struct EditCommandRequest: Sendable {
    var photos: [String]
    var prompt: String
    var negativePrompt: String?
    var numImages: Int?
    var seed: UInt64?
    var model: String
    /// nil: chosen from the first photo (`EditSize.fitting`).
    var size: EditSize?
    var outputs: EditOutputs

    /// The job's `args`; `imageURLs` defaults to the photos as given.
    func arguments(size: EditSize, imageURLs: [String]? = nil) -> EditArguments {
        EditArguments(
            prompt: prompt, imageURLs: imageURLs ?? photos, width: size.width, height: size.height,
            negativePrompt: negativePrompt, numImages: numImages, seed: seed,
            // PNG is the API's default: sent only when another is asked for, so that the
            // hosted API, which lacks this extension, is sent nothing it does not know.
            outputFormat: outputs.format == .png ? nil : outputs.format.rawValue)
    }
}
