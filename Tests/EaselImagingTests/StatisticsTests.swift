import EaselImaging
import Testing

@Suite("Statistics")
struct StatisticsTests {
    @Test("Grey has no chroma; white is L* 100; black is L* 0")
    func neutrals() throws {
        let grey = try Raster.synthetic(width: 8, height: 8, pattern: .solid(RGBAColor(red: 119, green: 119, blue: 119))).statistics()
        #expect(grey.meanChroma < 0.5 && abs(grey.meanL - 50) < 1.5 && grey.stdDevL < 0.01)
        #expect(abs(try Raster.synthetic(width: 4, height: 4, pattern: .solid(.white)).statistics().meanL - 100) < 0.5)
        #expect(try Raster.synthetic(width: 4, height: 4, pattern: .solid(.black)).statistics().meanL < 0.5)
    }

    @Test("Mean chroma is per pixel: red and green halves are not grey")
    func chromaPerPixel() throws {
        var bytes = [UInt8]()
        for x in 0..<16 { bytes += x < 8 ? [200, 30, 30] : [30, 160, 30] }
        let stats = try Raster(pixels: bytes, width: 16, height: 1, bands: 3).statistics()
        #expect(stats.meanChroma > 50)
    }

    @Test("Shape accessors")
    func shape() throws {
        let image = try Raster.synthetic(width: 7, height: 3, alpha: 10)
        #expect(image.width == 7 && image.height == 3 && image.bands == 4 && image.hasAlpha)
    }
}
