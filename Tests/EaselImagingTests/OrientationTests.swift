import EaselImaging
import Testing

@Suite("EXIF orientation")
struct OrientationTests {
    /// Quadrants after each orientation's correction, as (top-left, top-right,
    /// bottom-left, bottom-right) of the source's red, green, blue, white.
    @Test("Orientation is applied and the tag consumed", arguments: [
        (1, false, ["red", "green", "blue", "white"]),
        (3, false, ["white", "blue", "green", "red"]),
        (6, true, ["blue", "red", "white", "green"]),
        (8, true, ["green", "white", "red", "blue"]),
    ])
    func applied(orientation: Int, swapsSides: Bool, expected: [String]) throws {
        let source = try Raster.synthetic(width: 40, height: 20, pattern: .quadrants)
        let jpeg = try source.withEXIFOrientation(orientation).encoded(as: .jpeg(quality: 95), stripMetadata: false)
        let upright = try Raster.decode(jpeg)
        #expect(upright.width == (swapsSides ? 20 : 40))
        #expect(upright.height == (swapsSides ? 40 : 20))
        let w = upright.width, h = upright.height
        let corners = [(w / 4, h / 4), (3 * w / 4, h / 4), (w / 4, 3 * h / 4), (3 * w / 4, 3 * h / 4)]
        let seen = try corners.map { try name(of: upright.pixel(x: $0.0, y: $0.1)) }
        #expect(seen == expected)
    }

    private func name(of pixel: [Int]) -> String {
        switch (pixel[0] > 128, pixel[1] > 128, pixel[2] > 128) {
        case (true, false, false): "red"
        case (false, true, false): "green"
        case (false, false, true): "blue"
        case (true, true, true): "white"
        default: "other \(pixel)"
        }
    }
}
