import ArgumentParser
import EaselAPI
import EaselClient
import Foundation

/// Checks `easel edit`'s options with the API's own validator, so that the command line
/// refuses exactly what the server would, with the same rules, the fields named by their
/// flags.
enum EditRules {
    /// - Parameter servedModels: the models that may be asked for; nil accepts any (a
    ///   server knows its own, and says so if it does not serve the one asked for).
    static func check(_ arguments: EditArguments, model: String, servedModels: [String]?) throws {
        var placeholders = arguments
        // Photos are files here, not URLs: stand-ins keep only their number under the rules.
        placeholders.imageURLs = Array(repeating: "data:,", count: arguments.imageURLs.count)
        let body = try JSONEncoder().encode(Body(model: model, args: placeholders))
        do {
            _ = try CreateJobRequest.parse(body, servedModels: servedModels ?? [model])
        } catch {
            throw ValidationError(flagNames(error.message))
        }
    }

    private struct Body: Encodable {
        var model: String
        var args: EditArguments
    }

    /// `args.width×args.height: …` reads `--size: …` on the command line.
    static func flagNames(_ message: String) -> String {
        let names = [
            ("args.width×args.height", "--size"), ("args.width:args.height", "--size"),
            ("args.width", "--size width"), ("args.height", "--size height"),
            ("args.num_images", "--num-images"), ("args.negative_prompt", "--negative"),
            ("args.prompt", "--prompt"), ("args.seed", "--seed"), ("args.image_urls", "PHOTO"),
        ]
        var text = message.hasPrefix("model:") ? "--" + message : message
        for (field, flag) in names { text = text.replacingOccurrences(of: field, with: flag) }
        return text
    }
}
