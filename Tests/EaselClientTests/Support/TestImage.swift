import EaselImaging
import Foundation

/// Test images made on the spot, so the repository holds no binary fixtures.
enum TestImage {
    static func png(width: Int = 640, height: Int = 480) throws -> Data {
        try Raster.synthetic(width: width, height: height, pattern: .gradient).encoded(as: .png())
    }

    static func dataURL(width: Int = 640, height: Int = 480) throws -> String {
        "data:image/png;base64," + (try png(width: width, height: height)).base64EncodedString()
    }
}
