import EaselCore
import Foundation

/// A parsed, validated `POST /api/v1/job/create` body: the wire's `args` mapped to the
/// core's `EditSpec`.
public struct CreateJobRequest: Sendable, Equatable {
    public var model: String
    public var edit: EditSpec
    public var callbackURL: String?

    public init(model: String, edit: EditSpec, callbackURL: String? = nil) {
        self.model = model
        self.edit = edit
        self.callbackURL = callbackURL
    }

    /// Parses and validates a body. `servedModels` are the ids the server knows; an unknown
    /// model is reported together with that list.
    public static func parse(_ body: Data, servedModels: [String]) throws(APIError) -> Self {
        let root: JSONValue
        do {
            root = try StrictJSONParser.parse(body)
        } catch {
            throw .malformedBody("body: must be valid JSON (\(error))")
        }
        guard case .object(let fields) = root else {
            throw .malformedBody("body: must be a JSON object (got \(root.typeName))")
        }
        guard let modelValue = fields["model"], modelValue != .null else {
            throw .invalidArgument("model: is required; this server serves: \(servedModels.joined(separator: ", "))")
        }
        guard case .string(let model) = modelValue else {
            throw .invalidArgument("model: must be a string (got \(modelValue.typeName))")
        }
        guard servedModels.contains(model) else {
            throw .unknownModel(model, served: servedModels)
        }
        guard let argsValue = fields["args"], argsValue != .null else {
            throw .invalidArgument("args: is required")
        }
        guard case .object(let args) = argsValue else {
            throw .invalidArgument("args: must be an object (got \(argsValue.typeName))")
        }
        var violations = ArgumentValidator()
        let arguments = violations.validate(args)
        let callback = violations.callbackURL(fields["callback_url"])
        if let arguments, violations.messages.isEmpty {
            return Self(model: model, edit: arguments, callbackURL: callback)
        }
        throw .invalidArgument(violations.messages.joined(separator: "; "))
    }
}
