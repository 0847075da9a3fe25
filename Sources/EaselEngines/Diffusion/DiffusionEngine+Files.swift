import EaselCore
import EaselImaging
import Foundation

/// The files exchanged with the runner in a job's scratch folder.
extension DiffusionEngine {
    func validate(_ request: EditRequest) throws {
        guard !request.images.isEmpty else {
            throw EngineError.undecodableInput(field: "image_urls", reason: "no input image was given")
        }
        guard request.images.count <= descriptor.maxInputImages else {
            throw EngineError.tooManyInputs(engine: descriptor.id, max: descriptor.maxInputImages, got: request.images.count)
        }
        guard (1...4).contains(request.numImages) else {
            throw EngineError.failure("num_images: must be 1…4 (got \(request.numImages))")
        }
        guard (16...8192).contains(request.width), (16...8192).contains(request.height) else {
            throw EngineError.failure("width, height: \(request.width)×\(request.height) is outside 16…8192 px")
        }
    }

    /// Decodes each input under the server's caps, reduces very large ones, and writes them as
    /// PNG (`in-<i>.png`): the runner never parses what a client sent.
    func writeInputs(_ images: [InputImage], into folder: URL) async throws -> [String] {
        var paths: [String] = []
        for (index, input) in images.enumerated() {
            try Task.checkCancellation()
            let file = folder.appendingPathComponent("in-\(index).png")
            let raster = try await EngineImaging.decode(input, limits: limits, executor: executor, budget: decodeBudget)
            try await executor.run {
                try Self.reducedIfLarge(raster).encoded(as: .png(compression: 1)).write(to: file)
            }
            paths.append(file.path)
        }
        return paths
    }

    static func reducedIfLarge(_ raster: Raster) throws -> Raster {
        let pixels = Double(raster.width * raster.height)
        guard pixels > Double(maxInputPixelsForRunner) else { return raster }
        let scale = (Double(maxInputPixelsForRunner) / pixels).squareRoot()
        return try raster.resized(
            width: max(1, Int(Double(raster.width) * scale)), height: max(1, Int(Double(raster.height) * scale)))
    }

    /// Reads the runner's PNGs, checks each is exactly the requested size and inside the job's
    /// folder, and encodes them in the requested format.
    func readOutputs(_ done: RunnerDone, in folder: URL, for request: EditRequest) async throws -> [OutputImage] {
        guard done.images.count == request.numImages else {
            throw EngineError.failure("diffusion runner returned \(done.images.count) image(s), not \(request.numImages)")
        }
        let encoding = EngineImaging.encoding(for: request.outputFormat)
        let prefix = folder.standardizedFileURL.path + "/"
        var outputs: [OutputImage] = []
        for path in done.images {
            guard URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(prefix) else {
                throw EngineError.failure("diffusion runner wrote \(path), outside the job's folder")
            }
            let data = try await executor.run { [limits] in
                let raster: Raster
                do {
                    raster = try Raster.decode(try Data(contentsOf: URL(fileURLWithPath: path)), limits: limits)
                } catch {
                    throw EngineError.failure("diffusion runner output \(path) is unreadable: \(error)")
                }
                guard raster.width == request.width, raster.height == request.height else {
                    throw EngineError.failure(
                        "diffusion runner returned \(raster.width)×\(raster.height), not \(request.width)×\(request.height)")
                }
                return try raster.encoded(as: encoding)
            }
            outputs.append(OutputImage(data: data, width: request.width, height: request.height, contentType: encoding.contentType))
        }
        return outputs
    }
}
