import EaselCore
import EaselEngines
import EaselImaging
import Foundation
import Testing

/// White balance that holds on warm scenes, night skies and tinted portraits, and cast words
/// that remove the cast they name, measured on generated pictures.
@Suite("White balance and colour casts")
struct WhiteBalanceEffectTests {
    let engine = ClassicEngine()

    private func image(width: Int = 160, height: Int = 120, _ colour: (Int, Int) -> [UInt8]) throws -> Data {
        var bytes: [UInt8] = []
        for y in 0..<height { for x in 0..<width { bytes += colour(x, y) } }
        return try Raster(pixels: bytes, width: width, height: height, bands: 3).encoded(as: .png())
    }

    private func mean(_ raster: Raster, x: Range<Int>? = nil, y: Range<Int>? = nil) throws -> [Double] {
        let bytes = try raster.pixelBytes()
        var sums = [0.0, 0.0, 0.0], count = 0.0
        for row in y ?? 0..<raster.height {
            for column in x ?? 0..<raster.width {
                let i = (row * raster.width + column) * raster.bands
                for c in 0..<3 { sums[c] += Double(bytes[i + c]) }
                count += 1
            }
        }
        return sums.map { $0 / count }
    }

    private func edit(_ prompt: String, _ input: Data) async throws -> (before: Raster, after: Raster) {
        let request = try TestInputs.request(prompt, images: [input], width: 160, height: 120)
        let result = try await engine.edit(request) { _ in }
        return (try Raster.decode(input), try Raster.decode(result.images[0].data))
    }

    /// Coffee: mean RGB about (159, 86, 51), warm all over, with texture.
    private func coffee() throws -> Data {
        try image { x, y in
            let v = (x * 7 + y * 13) % 40 - 20
            return [UInt8(159 + v), UInt8(86 + v / 2), UInt8(51 + v / 3)]
        }
    }

    @Test func aWarmSceneStaysWarm() async throws {
        let (before, after) = try await edit("auto white balance", try coffee())
        let (b, a) = (try mean(before), try mean(after))
        #expect(a[0] - a[2] > (b[0] - b[2]) * 0.8, "R−B \(b[0] - b[2]) → \(a[0] - a[2])")
        #expect(a[2] < a[1] && a[1] < a[0], "still orange: \(a)")
    }

    @Test func aNightSkyStaysBlue() async throws {
        let sky = try image { x, y in
            let star = (x * 31 + y * 17) % 97 == 0
            return star ? [255, 255, 250] : [UInt8(20 + y / 8), UInt8(30 + y / 6), UInt8(70 + y / 3)]
        }
        let (before, after) = try await edit("white balance", sky)
        let (b, a) = (try mean(before), try mean(after))
        #expect(a[2] - a[0] > (b[2] - b[0]) * 0.8, "B−R \(b[2] - b[0]) → \(a[2] - a[0])")
    }

    /// Grey cards under a warm light: neutralised.
    @Test func aCastOnNeutralsIsRemoved() async throws {
        let cast = try image { x, _ in
            let v = 60 + x
            return [UInt8(min(255, v + 22)), UInt8(v + 6), UInt8(max(0, v - 20))]
        }
        let (before, after) = try await edit("auto white balance", cast)
        let (b, a) = (try mean(before), try mean(after))
        #expect(abs(a[0] - a[2]) < abs(b[0] - b[2]) * 0.4, "R−B \(b[0] - b[2]) → \(a[0] - a[2])")
    }

    /// A blue-tinted close-up portrait, the face filling most of the frame: the grey wall
    /// turns neutral, the skin keeps its red (grey world took it out: olive skin).
    @Test func aBlueTintedPortraitKeepsRosySkin() async throws {
        let portrait = try image { x, y in
            let skin = (x - 80) * (x - 80) + (y - 60) * (y - 60) < 58 * 58
            return skin ? [186, 146, 160] : [108, 120, 152]
        }
        let (before, after) = try await edit("auto white balance", portrait)
        let wall = (try mean(before, x: 0..<12, y: 0..<12), try mean(after, x: 0..<12, y: 0..<12))
        #expect(wall.1[2] - wall.1[0] < (wall.0[2] - wall.0[0]) * 0.6, "wall \(wall.0) → \(wall.1)")
        let skinBefore = try before.cropped(left: 70, top: 50, width: 20, height: 20).statistics()
        let skinAfter = try after.cropped(left: 70, top: 50, width: 20, height: 20).statistics()
        #expect(skinAfter.meanA > skinBefore.meanA - 5, "skin a* \(skinBefore.meanA) → \(skinAfter.meanA)")
    }

    /// Each cast word moves the picture away from the cast it names.
    @Test(arguments: [
        ("too blue", 2, -1), ("the photo is too yellow", 2, 1), ("too green", 1, -1), ("too magenta", 1, 1),
        ("way too red", 0, -1), ("too cyan", 0, 1), ("the whites look yellow", 2, 1),
    ])
    func castWordsRemoveTheirCast(prompt: String, channel: Int, direction: Int) async throws {
        let (before, after) = try await edit(prompt, try TestInputs.photoLikePNG())
        let (b, a) = (try mean(before.resized(width: 160, height: 120)), try mean(after))
        // The named channel falls against the other two (yellow: blue rises against them).
        let share = { (m: [Double]) in m[channel] - (m.reduce(0, +) - m[channel]) / 2 }
        if direction < 0 {
            #expect(share(a) < share(b) - 2, "\(prompt): \(b) → \(a)")
        } else {
            #expect(share(a) > share(b) + 2, "\(prompt): \(b) → \(a)")
        }
    }

    @Test func cleanerWhitesLoseTheirYellow() async throws {
        let yellowed = try image { x, y in
            let paper = x > 40
            return paper ? [236, 230, 196] : [UInt8(60 + y), 80, 120]
        }
        let (before, after) = try await edit("make the whites cleaner", yellowed)
        let paper = (try mean(before, x: 60..<160), try mean(after, x: 60..<160))
        #expect(paper.1[0] - paper.1[2] < (paper.0[0] - paper.0[2]) * 0.6, "paper \(paper.0) → \(paper.1)")
    }
}
