import Foundation
import Hummingbird
import NIOCore

/// Serves the API's OpenAPI document (`Resources/openapi.yaml`, kept in the repository; a
/// test checks that it lists exactly the routes the server has), naming this server's
/// public URL under `servers`. Prepared once, when the routes are built, never on a
/// request's thread.
struct OpenAPIController<Context: RequestContext>: Sendable {
    let publicURL: String

    func addRoutes(to router: Router<Context>) {
        let document = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            .flatMap { OpenAPIDocument.serving($0, publicURL: publicURL) }
            .map { ByteBuffer(string: $0) }
        router.get("openapi.yaml") { _, _ in
            guard let document else {
                throw HTTPError(.internalServerError, message: "openapi.yaml is missing from the build, or lacks its servers entry")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: document))
        }
    }
}
