import Foundation

/// One line the runner writes on its stdout (protocol v1, docs/RUNNER_PROTOCOL.md).
public enum RunnerMessage: Sendable, Equatable {
    case ready(RunnerReady)
    /// Startup failed; the runner exits after this line.
    case fatal(message: String)
    case progress(id: String, step: Int, steps: Int)
    /// The prompt as `prompt_extend` rewrote it, sent before denoising starts.
    case prompt(id: String, prompt: String)
    case done(RunnerDone)
    case failed(id: String, code: RunnerFailureCode, message: String)
    case canceled(id: String)
    /// The runner could not read one of our lines; it keeps serving.
    case protocolError(message: String)

    /// The job a message belongs to, if any.
    public var jobID: String? {
        switch self {
        case .progress(let id, _, _), .prompt(let id, _), .failed(let id, _, _), .canceled(let id): id
        case .done(let done): done.id
        case .ready, .fatal, .protocolError: nil
        }
    }

    /// `done`, `failed` and `canceled`: the runner has finished with the job.
    public var endsJob: Bool {
        switch self {
        case .done, .failed, .canceled: true
        case .ready, .fatal, .progress, .prompt, .protocolError: false
        }
    }

    /// Parses one line. Lines that are not protocol messages are an error: stdout is reserved
    /// for the protocol, so anything else means the runner is broken.
    public init(line: String) throws {
        let data = Data(line.utf8)
        let decoder = JSONDecoder()
        let head: Head
        do {
            head = try decoder.decode(Head.self, from: data)
        } catch {
            throw RunnerProtocolError(line: line, reason: "not a JSON object with a \"type\"")
        }
        do {
            switch head.type {
            case "ready": self = .ready(try decoder.decode(RunnerReady.self, from: data))
            case "done": self = .done(try decoder.decode(RunnerDone.self, from: data))
            default:
                let body = try decoder.decode(Body.self, from: data)
                self = try Self.simple(head.type, body, line: line)
            }
        } catch let error as RunnerProtocolError {
            throw error
        } catch {
            throw RunnerProtocolError(line: line, reason: "fields of \"\(head.type)\" do not match protocol v1 (\(error))")
        }
    }

    private static func simple(_ type: String, _ body: Body, line: String) throws -> Self {
        func need<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw RunnerProtocolError(line: line, reason: "\"\(type)\" lacks \"\(field)\"") }
            return value
        }
        switch type {
        case "fatal": return .fatal(message: try need(body.message, "message"))
        case "progress":
            return .progress(id: try need(body.id, "id"), step: try need(body.step, "step"), steps: try need(body.steps, "steps"))
        case "prompt": return .prompt(id: try need(body.id, "id"), prompt: try need(body.prompt, "prompt"))
        case "failed":
            return .failed(
                id: try need(body.id, "id"), code: RunnerFailureCode(rawValue: try need(body.code, "code")),
                message: try need(body.message, "message"))
        case "canceled": return .canceled(id: try need(body.id, "id"))
        case "error": return .protocolError(message: try need(body.message, "message"))
        default: throw RunnerProtocolError(line: line, reason: "unknown message type \"\(type)\"")
        }
    }

    private struct Head: Decodable { var type: String }

    private struct Body: Decodable {
        var id: String?
        var message: String?
        var code: String?
        var prompt: String?
        var step: Int?
        var steps: Int?
    }
}

/// A stdout line that is not a valid protocol v1 message.
public struct RunnerProtocolError: Error, CustomStringConvertible {
    public let line: String
    public let reason: String

    public var description: String { "runner protocol: \(reason): \(line.prefix(200))" }
}
