import EaselImaging
import Testing

@Suite("Resize to an exact size")
struct ResizeTests {
    static let cases: [(Int, Int, Int, Int)] = [
        (383, 1537, 1280, 320), (1537, 383, 320, 1280), (1000, 1000, 1024, 1024),
        (1000, 1000, 768, 1536), (640, 480, 1280, 1280), (4000, 3000, 1280, 720),
        (3, 997, 960, 960), (997, 3, 384, 2560), (1, 1, 384, 1536), (1279, 1281, 1280, 1280),
        (2560, 640, 2560, 640), (101, 99, 100, 100), (7, 5, 1103, 797), (1501, 2003, 1101, 1283),
    ]

    @Test("Cover gives exactly W×H", arguments: cases)
    func cover(size: (Int, Int, Int, Int)) throws {
        let source = try Raster.synthetic(width: size.0, height: size.1)
        let out = try source.resized(width: size.2, height: size.3, mode: .cover)
        #expect(out.width == size.2 && out.height == size.3)
        #expect(out.bands == 3)
    }

    @Test("Contain gives exactly W×H", arguments: cases)
    func contain(size: (Int, Int, Int, Int)) throws {
        let source = try Raster.synthetic(width: size.0, height: size.1, alpha: 255)
        let out = try source.resized(width: size.2, height: size.3, mode: .contain(background: .black))
        #expect(out.width == size.2 && out.height == size.3)
        #expect(out.bands == 4)
    }

    @Test("Cover crops the centre: a wide image keeps its middle")
    func coverCropsCentre() throws {
        // Quadrants 200×100 → 100×100: the centre column is where all four meet.
        let out = try Raster.synthetic(width: 200, height: 100, pattern: .quadrants)
            .resized(width: 100, height: 100)
        #expect(close(try out.pixel(x: 25, y: 25), [255, 0, 0], tolerance: 8))
        #expect(close(try out.pixel(x: 75, y: 25), [0, 255, 0], tolerance: 8))
        #expect(close(try out.pixel(x: 25, y: 75), [0, 0, 255], tolerance: 8))
        #expect(close(try out.pixel(x: 75, y: 75), [255, 255, 255], tolerance: 8))
    }

    @Test("Contain pads with the background colour, centred")
    func containPads() throws {
        let red = RGBAColor(red: 250, green: 10, blue: 10)
        let out = try Raster.synthetic(width: 100, height: 50, pattern: .solid(.white))
            .resized(width: 100, height: 100, mode: .contain(background: red))
        #expect(try out.pixel(x: 50, y: 5) == [250, 10, 10])
        #expect(try out.pixel(x: 50, y: 95) == [250, 10, 10])
        #expect(close(try out.pixel(x: 50, y: 50), [255, 255, 255], tolerance: 2))
    }

    @Test("A transparent pad adds alpha to an opaque image")
    func transparentPad() throws {
        let out = try Raster.synthetic(width: 100, height: 50, pattern: .solid(.white))
            .resized(width: 60, height: 60, mode: .contain(background: .transparent))
        #expect(out.bands == 4)
        #expect(try out.pixel(x: 30, y: 1)[3] == 0)
        #expect(try out.pixel(x: 30, y: 30)[3] == 255)
    }

    @Test("Resampling with alpha does not bleed hidden colour")
    func premultiplied() throws {
        // Left half opaque white, right half fully transparent *black*: after a downscale
        // the edge pixels must stay white, not turn grey.
        var bytes = [UInt8]()
        for _ in 0..<40 {
            for x in 0..<40 { bytes += x < 20 ? [255, 255, 255, 255] : [0, 0, 0, 0] }
        }
        let out = try Raster(pixels: bytes, width: 40, height: 40, bands: 4).resized(width: 13, height: 13)
        let edge = try out.pixel(x: 6, y: 6)
        #expect(edge[3] > 0)
        #expect(edge[0] > 240, "colour of a half-covered pixel stays white: \(edge)")
    }
}
