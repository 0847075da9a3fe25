/// What the classic engine can do, in words, for descriptors and error messages.
enum ClassicCapabilities {
    static let summary =
        "Built-in CPU engine: colour, light, tone, style, detail and framing edits read from the "
        + "prompt into an explicit plan; reference images for colour transfer, blends and layouts; "
        + "deterministic, no model needed."

    static let vocabulary =
        "change light and tone (\"brighter\", \"darker\", \"+20% exposure\", \"more contrast\", "
        + "\"lift the shadows\", \"recover highlights\", \"gamma 1.2\", \"auto levels\", \"clarity\", "
        + "\"dehaze\", \"fade\", \"vignette\"), colour (\"vivid\", \"muted\", \"vibrance\", \"warmer\", "
        + "\"cooler\", \"magenta tint\", \"shift the hue 30 degrees\", \"auto white balance\"), restyle "
        + "(\"black and white\", \"sepia\", \"duotone\", \"teal and orange\", \"vintage\", \"cinematic\", "
        + "\"noir\", \"film\", \"matte\", \"high key\", \"posterize\", \"pencil sketch\", \"cartoon\", "
        + "\"oil painting\", \"pixelate\", \"halftone\"), detail (\"sharpen\", \"denoise\", \"blur\", "
        + "\"film grain\"), framing (\"rotate 90 degrees\", \"flip\", \"zoom in\", \"keep the whole "
        + "image\", \"make it 16:9\", \"crop to a square\", \"crop to the subject\", \"add a white border\") and use images 2–4 (\"use the colours of the second image\", \"double exposure\", "
        + "\"side by side\", \"grid\"); \"slightly\", \"very\" or \"extremely\" set the strength and "
        + "\"less\" or \"not\" reverse it"

    /// The message of `EngineError.unsupportedPrompt` when a prompt yields no edit.
    static func unsupportedPromptMessage(notApplied: [String]) -> String {
        var message = "prompt: the classic engine found no edit it can make. It can "
            + vocabulary + ". Generative edits (removing or adding objects, replacing the "
            + "background, changing clothes, faces or text) and edits of one part of the picture (skin, "
            + "face, eyes, sky, background, a named object) need the diffusion engine."
        if !notApplied.isEmpty {
            message += " Not applied: " + notApplied.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        }
        return message
    }
}
