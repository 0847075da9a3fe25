import EaselAPI
import EaselCore
import EaselImaging
import Foundation

/// Inputs made in memory for engine tests.
enum TestInputs {
    /// A colourful gradient, encoded as PNG.
    static func gradientPNG(width: Int = 320, height: Int = 240) throws -> Data {
        try Raster.synthetic(width: width, height: height).encoded(as: .png())
    }

    static func request(
        _ prompt: String, images: [Data]? = nil, width: Int = 192, height: Int = 128,
        numImages: Int = 1, format: OutputFormat = .png
    ) throws -> EditRequest {
        let data = try images ?? [gradientPNG()]
        return EditRequest(
            jobID: "test", prompt: prompt,
            images: data.enumerated().map { InputImage(data: $0.element, field: "image_urls[\($0.offset)]") },
            width: width, height: height, numImages: numImages, outputFormat: format)
    }
}
