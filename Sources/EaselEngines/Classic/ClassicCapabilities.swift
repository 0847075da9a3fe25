/// What the classic engine can do, in words, for descriptors and error messages.
enum ClassicCapabilities {
    static let summary =
        "Built-in CPU engine: global colour and tone edits (brightness, contrast, saturation, "
        + "warmth, black and white) read from the prompt; deterministic, no model needed."

    static let vocabulary =
        "brighten or darken (\"brighter\", \"darker\", \"more exposure\"), contrast (\"more contrast\", "
        + "\"punchy\", \"flat\"), saturation (\"vivid\", \"muted\", \"desaturate\"), warmth (\"warmer\", "
        + "\"cooler\", \"golden hour\", \"cold blue tones\") and black and white (\"monochrome\", "
        + "\"grayscale\", \"sepia\"); \"slightly\", \"very\" or \"extremely\" set the strength and "
        + "\"less\" or \"not\" reverse it"

    /// The message of `EngineError.unsupportedPrompt` when a prompt yields no edit.
    static func unsupportedPromptMessage(notApplied: [String]) -> String {
        var message = "prompt: the classic engine found no edit it can make. It can "
            + vocabulary + ". Generative edits (removing or adding objects, replacing the "
            + "background, changing the style or the subject) need the diffusion engine."
        if !notApplied.isEmpty {
            message += " Needs a generative engine: " + notApplied.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        }
        return message
    }
}
