/// The limits on `args`, exactly as the hosted model's documentation states them.
public enum ArgumentRules {
    public static let maxPromptLength = 2000
    public static let maxNegativePromptLength = 500
    public static let numImagesRange = 1...4
    public static let imageURLCountRange = 1...4
    public static let sideRange = 384...2560
    /// Total pixels between 768×768 and 1280×1280 inclusive.
    public static let pixelRange = (768 * 768)...(1280 * 1280)
    /// Aspect ratio within 1:4 … 4:1 inclusive.
    public static let maxAspectRatio = 4
    /// Extension: `seed` is an unsigned 32-bit integer, as most image models take it.
    public static let seedRange: ClosedRange<UInt64> = 0...UInt64(UInt32.max)
    /// Longest `http(s)` URL accepted in `image_urls` or `callback_url`.
    public static let maxURLLength = 4096
}
