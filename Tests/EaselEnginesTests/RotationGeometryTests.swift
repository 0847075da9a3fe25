import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// Arbitrary-angle rotation and letterboxing checked against geometry worked out here:
/// where a marked feature must land and how wide the black bars must be.
@Suite("Rotation and letterbox geometry")
struct RotationGeometryTests {
    static let (inputWidth, inputHeight) = (400, 300)
    /// The red marker's centre, relative to the input's centre (y down).
    static let marker = (x: 100.0, y: -60.0)

    /// Mid-grey with a 24 × 24 red square at `marker`.
    private func markedPNG() throws -> Data {
        let (w, h) = (Self.inputWidth, Self.inputHeight)
        let centre = (x: Double(w) / 2 + Self.marker.x, y: Double(h) / 2 + Self.marker.y)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                let inside = abs(Double(x) + 0.5 - centre.x) < 12 && abs(Double(y) + 0.5 - centre.y) < 12
                bytes += inside ? [255, 0, 0] : [128, 128, 128]
            }
        }
        return try Raster(pixels: bytes, width: w, height: h, bands: 3).encoded(as: .png())
    }

    @Test("Rotating 15° clockwise and letterboxing moves the marker by that turn and adds black side bars")
    func rotateAndLetterbox() async throws {
        let (width, height) = (192, 128)
        let request = try TestInputs.request("rotate 15 degrees, letterbox", images: [try markedPNG()], width: width, height: height)
        #expect(ClassicEngine().plan(for: request).plan.description == "rotate 15; pad")
        let image = try Raster.decode(try await ClassicEngine().edit(request) { _ in }.images[0].data)
        let bytes = try image.flattened(onto: .black).pixelBytes()
        func rgb(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
            let i = (y * width + x) * 3
            return (Int(bytes[i]), Int(bytes[i + 1]), Int(bytes[i + 2]))
        }

        // The rotation crops to the largest centred window of the input's shape that holds
        // no corner of the turned canvas; letterboxing then fits that window by its height.
        let radians = 15 * Double.pi / 180
        let (c, s) = (cos(radians), sin(radians))
        let (w, h) = (Double(Self.inputWidth), Double(Self.inputHeight))
        let window = min(w / (w * c + h * s), h / (w * s + h * c))
        let scale = min(Double(width) / (w * window), Double(height) / (h * window))
        let bar = (Double(width) - w * window * scale) / 2
        #expect(bar > 6, "a 4:3 picture in a 3:2 frame leaves bars at the sides")

        // Bars: black columns at both sides (a pixel's margin for the edge's interpolation);
        // the picture, mid-grey away from the marker, between them.
        let barColumns = Array(0..<Int(bar - 1)) + Array((width - Int(bar - 1))..<width)
        let lit = barColumns.flatMap { x in (0..<height).map { (x, $0) } }
            .filter { rgb($0.0, $0.1).r + rgb($0.0, $0.1).g + rgb($0.0, $0.1).b > 15 }
        #expect(lit.isEmpty, "\(lit.count) bar pixels are not black, first \(lit.prefix(3))")
        let row = height - 10
        let offGrey = (Int(bar + 1)..<(width - Int(bar + 1))).filter { abs(rgb($0, row).g - 128) > 12 }
        #expect(offGrey.isEmpty, "picture columns \(offGrey.prefix(5)) of row \(row) are not grey")

        // The marker: its centre turned clockwise by 15° (y down) about the centre, then scaled.
        let expected = (x: Double(width) / 2 + scale * (Self.marker.x * c - Self.marker.y * s),
                        y: Double(height) / 2 + scale * (Self.marker.x * s + Self.marker.y * c))
        var (sum, sumX, sumY) = (0.0, 0.0, 0.0)
        for y in 0..<height {
            for x in 0..<width {
                let redness = Double(max(0, rgb(x, y).r - rgb(x, y).g))
                (sum, sumX, sumY) = (sum + redness, sumX + redness * (Double(x) + 0.5), sumY + redness * (Double(y) + 0.5))
            }
        }
        #expect(sum > 0, "the marker survives the crop")
        let found = (x: sumX / max(sum, 1), y: sumY / max(sum, 1))
        #expect(abs(found.x - expected.x) < 1.5 && abs(found.y - expected.y) < 1.5,
                "marker at \(found), expected \(expected)")
    }
}
