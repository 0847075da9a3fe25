// Times the classic engine, decode to encode. Run through bench/classic/run.sh.
//   ClassicBench N                     median of N runs per prompt, 1024×1024 JPEG input
//                                      (CLASSIC_BENCH_PROMPTS="a|b" times other prompts)
//   ClassicBench N --large             an 8000×6000 JPEG fitted to 1280×1280 (shrink-on-load)
//   ClassicBench --make W H FILE       writes a W×H photo-like test input (.jpg or .png)
//   ClassicBench --edit FILE W H       one edit of an input on disk to W×H, for peak RSS
import EaselCore
import EaselEngines
import EaselImaging
import Foundation

func photo(width: Int, height: Int, as encoding: ImageEncoding = .jpeg(quality: 90)) throws -> Data {
    // A gradient with texture, so JPEG and the filters have real detail to work on.
    var bytes = [UInt8](repeating: 0, count: width * height * 3)
    var state: UInt32 = 1
    for y in 0..<height {
        for x in 0..<width {
            state = state &* 1_664_525 &+ 1_013_904_223
            let noise = Int(state >> 28) - 8
            let i = (y * width + x) * 3
            bytes[i] = UInt8(clamping: 40 + 175 * x / width + noise)
            bytes[i + 1] = UInt8(clamping: 40 + 175 * y / height + ((x / 16 + y / 16) % 2) * 20)
            bytes[i + 2] = UInt8(clamping: 215 - 175 * (x + y) / (width + height) + noise)
        }
    }
    return try Raster(pixels: bytes, width: width, height: height, bands: 3).encoded(as: encoding)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func edit(_ engine: ClassicEngine, _ input: Data, prompt: String, width: Int, height: Int) async throws -> (EditResult, Double) {
    let request = EditRequest(
        jobID: "bench", prompt: prompt, images: [InputImage(data: input, field: "image_urls[0]")],
        width: width, height: height, outputFormat: .jpeg)
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try await engine.edit(request) { _ in }
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

let arguments = Array(CommandLine.arguments.dropFirst())
// The server's caps (EaselServer's ServerSettings): larger than ImagingLimits.default's side.
let serverLimits = ImagingLimits(maxPixels: 40_000_000, maxDimension: 16_384)
if arguments.first == "--make", arguments.count == 4, let w = Int(arguments[1]), let h = Int(arguments[2]) {
    let encoding: ImageEncoding = arguments[3].hasSuffix(".png") ? .png(compression: 1) : .jpeg(quality: 90)
    try photo(width: w, height: h, as: encoding).write(to: URL(fileURLWithPath: arguments[3]))
    exit(0)
}
if arguments.first == "--edit", arguments.count == 4, let w = Int(arguments[2]), let h = Int(arguments[3]) {
    let input = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    let (_, seconds) = try await edit(ClassicEngine(limits: serverLimits), input, prompt: "brighter, more contrast, warmer", width: w, height: h)
    print(String(format: "%@ → %d×%d in %.0f ms", arguments[1], w, h, seconds * 1000))
    exit(0)
}

let engine = ClassicEngine()
let runs = Int(arguments.first { Int($0) != nil } ?? "15") ?? 15
let large = arguments.contains("--large")
let (inW, inH, outW, outH) = large ? (8000, 6000, 1280, 1280) : (1024, 1024, 1024, 1024)
let input = try photo(width: inW, height: inH)
try input.write(to: URL(fileURLWithPath: "/tmp/easel-bench-input.jpg"))
let custom = ProcessInfo.processInfo.environment["CLASSIC_BENCH_PROMPTS"]?.split(separator: "|").map(String.init)
let prompts = custom ?? (large ? ["brighter, more contrast, warmer"] : [
    "brighter, more contrast, warmer",
    "sharpen, add a vignette, warmer",
    // The same operations as VipsPipeline's second edit, for a like-for-like ratio.
    "sharpen, warmer",
    "auto levels, clarity, film grain",
    "cinematic teal and orange look",
    "dehaze, more vibrance, sharpen",
    "sepia, film grain, vignette",
])
for prompt in prompts {
    var times: [Double] = []
    for run in 0..<(runs + 1) {
        let (result, seconds) = try await edit(engine, input, prompt: prompt, width: outW, height: outH)
        if run > 0 { times.append(seconds) } // the first run warms libvips up
        if run == 0 && prompt == prompts[0] {
            try result.images[0].data.write(to: URL(fileURLWithPath: "/tmp/easel-bench-output.jpg"))
        }
    }
    let plan = engine.interpret(prompt).plan
    print(String(format: "easel  %4d×%-4d → %4d×%-4d  median %6.1f ms  min %6.1f ms  (%@)",
                 inW, inH, outW, outH, median(times) * 1000, (times.min() ?? 0) * 1000, plan.description))
}
