/// Every operation the classic engine can make. The declaration order is the order in which
/// a plan applies them: framing on the source, then references, tone, colour, style and
/// finishing touches on the fitted image. The raw value is the canonical name in plan text.
public enum EditKind: String, Sendable, CaseIterable, Comparable {
    // Framing (on the decoded input, before it is fitted to the requested size).
    case rotate
    case flipHorizontal = "flip horizontal"
    case flipVertical = "flip vertical"
    case zoom
    /// Crop the input to an aspect ratio (width / height): "crop 16:9", "square crop".
    case aspect = "crop"
    /// Crop around what libvips' attention measure finds (edges, skin tones, saturated
    /// colour), not a detected subject: the plan says so in its name.
    case salientCrop = "crop to the salient area"
    case pad
    // Borders around the graded picture: never graded themselves.
    case whiteBorder = "white border"
    case blackBorder = "black border"
    case blurredBorder = "blurred border"
    // Layouts and references.
    case sideBySide = "side by side"
    case grid
    case colourTransfer = "colour transfer"
    case blend
    // Light and tone.
    case autoLevels = "auto levels"
    case autoWhiteBalance = "auto white balance"
    case dehaze
    case brightness
    case gamma
    case contrast
    case highlights
    case shadows
    case clarity
    case fade
    // Colour.
    case saturation
    case vibrance
    case temperature
    case tint
    case hue
    case monochrome
    case sepia
    case duotone
    case splitTone = "split tone"
    // Restyling.
    case oilPainting = "oil painting"
    case cartoon
    case posterize
    case pixelate
    case sketch
    case halftone
    // Detail and finish.
    case denoise
    case sharpness
    case vignette
    case grain

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// How an operation's value reads.
    public enum Value: Sendable {
        /// Signed strength: 1 a clear, ordinary change, 0.5 slight, 2 extreme.
        case strength
        /// Degrees, clockwise for rotation.
        case degrees
        /// A multiplier: zoom 2 is twice as close, gamma 1.25 lifts the mid-tones.
        case factor
        /// On or off.
        case flag
        /// An aspect ratio, width / height, written "16:9".
        case ratio
    }

    public var value: Value {
        switch self {
        case .rotate, .hue: .degrees
        case .zoom, .gamma: .factor
        case .aspect: .ratio
        case .flipHorizontal, .flipVertical, .pad, .sideBySide, .grid, .salientCrop, .whiteBorder, .blackBorder,
             .blurredBorder: .flag
        default: .strength
        }
    }

    /// Whether a negative strength means something (darker, cooler, blur). Looks and
    /// filters only add: "not sepia" removes the operation instead.
    public var isSigned: Bool {
        switch self {
        case .brightness, .contrast, .highlights, .shadows, .saturation, .vibrance,
             .temperature, .tint, .sharpness:
            true
        default:
            false
        }
    }

    /// What "+20%" means: the percentage that strength 1 stands for.
    public var percentPerUnit: Double {
        switch self {
        case .contrast: 25
        case .saturation, .vibrance: 35
        default: 20
        }
    }

    /// Operations that read another input image.
    public var usesReference: Bool { self == .colourTransfer || self == .blend }

    /// Borders: at most one, the last named.
    var isBorder: Bool { [.whiteBorder, .blackBorder, .blurredBorder].contains(self) }

    /// Results without colour, which make colour operations pointless.
    var removesColour: Bool { [.monochrome, .sepia, .duotone, .sketch, .halftone].contains(self) }
}
