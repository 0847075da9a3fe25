import EaselImaging
import Foundation

/// Test images made on the spot, so the repository holds no binary fixtures.
enum ImageFixture {
    static func png(width: Int = 640, height: Int = 480) throws -> Data {
        try Raster.synthetic(width: width, height: height, pattern: .gradient).encoded(as: .png())
    }

    static func dataURL(width: Int = 640, height: Int = 480) throws -> String {
        "data:image/png;base64," + (try png(width: width, height: height)).base64EncodedString()
    }

    /// A real 512×384 JPEG whose frame header says 3000×3000, as a data: URL: libjpeg only
    /// warns about the missing scan data.
    static func jpegClaimingMorePixelsThanItHolds() throws -> String {
        var data = try Raster.synthetic(width: 512, height: 384, pattern: .gradient).encoded(as: .jpeg())
        let bytes = [UInt8](data)
        guard let frame = bytes.indices.dropLast(9).first(where: { bytes[$0] == 0xFF && (0xC0...0xC2).contains(bytes[$0 + 1]) }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        data.replaceSubrange((frame + 5)..<(frame + 9), with: [0x0B, 0xB8, 0x0B, 0xB8])
        return "data:image/jpeg;base64," + data.base64EncodedString()
    }
}
