// Times the classic engine, decode to encode, on a generated 1024×1024 JPEG (and, with
// `--large`, a 8000×6000 JPEG fitted to 1280×1280, to show shrink-on-load). Prints the
// median of N runs per prompt. Run through bench/classic/run.sh.
import EaselCore
import EaselEngines
import EaselImaging
import Foundation

func photo(width: Int, height: Int) throws -> Data {
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
    return try Raster(pixels: bytes, width: width, height: height, bands: 3).encoded(as: .jpeg(quality: 90))
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let arguments = CommandLine.arguments
let runs = Int(arguments.dropFirst().first { Int($0) != nil } ?? "15") ?? 15
let large = arguments.contains("--large")
let (inW, inH, outW, outH) = large ? (8000, 6000, 1280, 1280) : (1024, 1024, 1024, 1024)
let input = try photo(width: inW, height: inH)
try input.write(to: URL(fileURLWithPath: "/tmp/easel-bench-input.jpg"))
let engine = ClassicEngine()
let prompts = large ? ["brighter, more contrast, warmer"] : [
    "brighter, more contrast, warmer",
    "sharpen, add a vignette, warmer",
    "auto levels, clarity, film grain",
    "cinematic teal and orange look",
]
for prompt in prompts {
    var times: [Double] = []
    for run in 0..<(runs + 1) {
        let request = EditRequest(
            jobID: "bench", prompt: prompt, images: [InputImage(data: input, field: "image_urls[0]")],
            width: outW, height: outH, outputFormat: .jpeg)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await engine.edit(request) { _ in }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if run > 0 { times.append(seconds) } // the first run warms libvips up
        if run == 0 && prompt == prompts[0] {
            try result.images[0].data.write(to: URL(fileURLWithPath: "/tmp/easel-bench-output.jpg"))
        }
    }
    let plan = engine.interpret(prompt).plan
    print(String(format: "easel  %4d×%-4d → %4d×%-4d  median %6.1f ms  min %6.1f ms  (%@)",
                 inW, inH, outW, outH, median(times) * 1000, (times.min() ?? 0) * 1000, plan.description))
}
