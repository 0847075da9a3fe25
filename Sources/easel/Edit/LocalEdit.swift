import ArgumentParser
import EaselClient
import EaselCore
import EaselEngines
import EaselImaging
import EaselServer
import Foundation

/// `easel edit` without a server: the embedded classic engine, in this process.
struct LocalEdit {
    /// The models this process serves: both ids name the classic engine here.
    static let servedModels = [ModelRegistry.seedModelID, ModelRegistry.classicModelID]

    let request: EditCommandRequest

    func run() async throws {
        if let url = request.photos.first(where: EditInput.isURL) {
            throw ValidationError("without --server, photos must be local files (got \(url)); add --server and --key to edit URLs")
        }
        try EditRules.check(request.arguments(size: request.size ?? EditSize(width: 1024, height: 1024)),
                            model: request.model, servedModels: Self.servedModels)
        let photos = request.photos
        let inputs = try await BlockingExecutor.shared.run {
            try photos.map { photo in
                do {
                    return try Data(contentsOf: URL(fileURLWithPath: photo))
                } catch {
                    throw CommandFailure("cannot read \(photo): \(Self.reason(error))")
                }
            }
        }
        let size: EditSize
        if let given = request.size { size = given } else { size = try await fittedSize(for: inputs[0]) }
        // The server's input caps, so that a photo edits here exactly when it would there.
        let settings = ServerSettings()
        let engine = ClassicEngine(limits: ImagingLimits(maxPixels: settings.maxInputPixels, maxDimension: settings.maxInputSide))
        let edit = EditRequest(
            jobID: "local", prompt: request.prompt, negativePrompt: request.negativePrompt,
            images: zip(inputs, photos).map { InputImage(data: $0, field: $1) },
            width: size.width, height: size.height, numImages: request.numImages ?? 1,
            seed: request.seed, outputFormat: request.outputs.format)
        let result: EditResult
        do {
            result = try await engine.edit(edit) { _ in }
        } catch let error as EngineError {
            throw CommandFailure("\(error.jobErrorCode): \(error.message)")
        }
        for phrase in result.notApplied {
            FileHandle.standardError.write(Data("not applied: \(phrase)\n".utf8))
        }
        for (image, file) in zip(result.images, request.outputs.files) {
            try await BlockingExecutor.shared.run { try image.data.write(to: file, options: .atomic) }
            print("saved \(file.path) (\(image.width)x\(image.height))")
        }
    }

    /// The first photo's aspect, fitted to the API's rules (see `EditSize.fitting`).
    private func fittedSize(for photo: Data) async throws -> EditSize {
        let name = request.photos[0]
        let header = try await BlockingExecutor.shared.run { () throws -> ImageHeader in
            do {
                return try Raster.readHeader(photo, limits: ImagingLimits(maxPixels: .max, maxDimension: .max))
            } catch {
                throw CommandFailure("\(name): not a readable image (\(error))")
            }
        }
        return EditSize.fitting(width: header.width, height: header.height)
    }

    private static func reason(_ error: any Error) -> String {
        ((error as? CocoaError)?.userInfo[NSUnderlyingErrorKey] as? any Error)?.localizedDescription ?? error.localizedDescription
    }
}
