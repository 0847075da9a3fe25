import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

extension APIClient {
    /// As `request`, for an answer that may take long (a request that waits for its job):
    /// sent over its own connection with a roomy limit, since the harness's test client
    /// gives up on any answer after 20 s, a span a loaded machine can exceed.
    func requestPatiently(
        _ method: HTTPRequest.Method, _ uri: String, key: String?? = .none, body: Data? = nil,
        headers extra: HTTPFields = [:], timeout: Duration = .seconds(300)
    ) async throws -> Reply {
        guard let port = client.port else { throw TimedOut(what: "the harness's port") }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(uri)")
        request.method = HTTPMethod(rawValue: method.rawValue)
        let bearer: String? = switch key { case .none: self.key; case .some(let value): value }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        for field in extra { request.headers.add(name: field.name.rawName, value: field.value) }
        if let body {
            if extra[.contentType] == nil { request.headers.add(name: "Content-Type", value: "application/json") }
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
        var headers = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        return Reply(status: Int(response.status.code), headers: headers, body: data)
    }
}
