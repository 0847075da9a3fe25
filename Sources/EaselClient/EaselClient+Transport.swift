import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

extension EaselClient {
    /// JSON answers are small; anything larger is not the API.
    static let maxAnswerBytes = 16 * 1024 * 1024

    /// Sends an authenticated API request and returns the envelope's `data`.
    func call<Payload: Decodable>(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil,
        contentType: String = "application/json", headers: [(String, String)] = []
    ) async throws -> Payload {
        let url = baseURL + path + Self.queryString(query)
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let answer = try await exchange(request, url: url, maxBytes: Self.maxAnswerBytes)
        return try Self.payload(Payload.self, status: answer.status, body: answer.body, url: url)
    }

    /// Sends `request` and collects the whole answer. Failures to get one become
    /// `.unreachable`; cancellation stays cancellation.
    func exchange(_ request: HTTPClientRequest, url: String, maxBytes: Int) async throws -> (status: Int, body: Data) {
        do {
            let response = try await http.execute(request, timeout: TimeAmount(timeout))
            let bytes = try await response.body.collect(upTo: maxBytes)
            return (Int(response.status.code), Data(bytes.readableBytesView))
        } catch is NIOTooManyBytesError {
            throw EaselClientError(kind: .invalidResponse, message: "the answer is over \(maxBytes) bytes", url: url)
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            throw EaselClientError(kind: .unreachable, message: Self.reason(error), url: url)
        }
    }

    /// The envelope's `data`, or the API's error: a non-zero `code` is an `.api` error
    /// whatever the HTTP status, and an answer without an envelope is `.invalidResponse`.
    static func payload<Payload: Decodable>(_ type: Payload.Type, status: Int, body: Data, url: String) throws -> Payload {
        let decoder = JSONDecoder()
        let envelope = try? decoder.decode(ErrorEnvelope.self, from: body)
        if let envelope, envelope.code != 0 {
            throw EaselClientError(
                kind: .api, code: envelope.code, message: envelope.message ?? "HTTP \(status)", httpStatus: status, url: url)
        }
        guard (200..<300).contains(status), envelope != nil else {
            throw EaselClientError(
                kind: .invalidResponse, message: "HTTP \(status) without the API's envelope: \(snippet(body))",
                httpStatus: status, url: url)
        }
        do {
            guard let data = try decoder.decode(ResponseEnvelope<Payload>.self, from: body).data else {
                throw EaselClientError(kind: .invalidResponse, message: "the answer has no data", httpStatus: status, url: url)
            }
            return data
        } catch let error as EaselClientError {
            throw error
        } catch {
            throw EaselClientError(
                kind: .invalidResponse, message: "cannot read the answer (\(error)): \(snippet(body))",
                httpStatus: status, url: url)
        }
    }

    /// The start of a body, for messages about answers that are not the API's.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text
    }

    static func queryString(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = items.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }
        return "?" + pairs.joined(separator: "&")
    }

    /// A short reason for a failed exchange: NIO's connection errors describe every attempt.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return error.description }
        if let error = error as? IOError { return error.description }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.first.map { "\($0.error)" } ?? "\(error)"
        }
        return String(describing: error)
    }
}
