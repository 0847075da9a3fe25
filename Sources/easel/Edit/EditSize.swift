import EaselAPI
import Foundation

/// The output size of `easel edit`: `--size WxH`, or one chosen from the input.
struct EditSize: Equatable, CustomStringConvertible {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `1024x768` (or `1024×768`).
    init?(parsing text: String) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
        self.init(width: width, height: height)
    }

    var description: String { "\(width)x\(height)" }

    /// The size for an input of `width`×`height` when none is asked for: the input's own
    /// size when the API allows it; else the input's aspect ratio (held within 1:4…4:1) at
    /// the input's pixel count held within 768²…1280², with sides that are multiples of 16
    /// (what diffusion models work in), picking the allowed size closest in aspect first
    /// and in pixel count second.
    static func fitting(width: Int, height: Int) -> EditSize {
        if isAllowed(width: width, height: height) { return EditSize(width: width, height: height) }
        let maxRatio = Double(ArgumentRules.maxAspectRatio)
        let ratio = min(max(Double(max(width, 1)) / Double(max(height, 1)), 1 / maxRatio), maxRatio)
        let pixels = Double(min(max(width * height, ArgumentRules.pixelRange.lowerBound), ArgumentRules.pixelRange.upperBound))
        var best: (size: EditSize, score: Double)?
        for candidateWidth in stride(from: ArgumentRules.sideRange.lowerBound, through: ArgumentRules.sideRange.upperBound, by: 16) {
            let ideal = Double(candidateWidth) / ratio / 16
            for candidateHeight in [Int(ideal.rounded(.down)) * 16, Int(ideal.rounded(.up)) * 16]
            where isAllowed(width: candidateWidth, height: candidateHeight) {
                let aspectError = abs(log(Double(candidateWidth) / Double(candidateHeight) / ratio))
                let pixelError = abs(log(Double(candidateWidth * candidateHeight) / pixels))
                let score = aspectError + 0.1 * pixelError
                if score < best?.score ?? .infinity {
                    best = (EditSize(width: candidateWidth, height: candidateHeight), score)
                }
            }
        }
        return best?.size ?? EditSize(width: 1024, height: 1024)
    }

    /// The API's size rules (docs/API.md), from the same constants its validator uses.
    static func isAllowed(width: Int, height: Int) -> Bool {
        ArgumentRules.sideRange.contains(width) && ArgumentRules.sideRange.contains(height)
            && ArgumentRules.pixelRange.contains(width * height)
            && max(width, height) <= ArgumentRules.maxAspectRatio * min(width, height)
    }
}
