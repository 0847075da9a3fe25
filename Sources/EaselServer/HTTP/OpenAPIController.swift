import Foundation
import Hummingbird
import NIOCore

/// Serves the API's OpenAPI document (`Resources/openapi.yaml`, kept in the repository; a
/// test checks that it lists exactly the routes the server has). Read once, when the routes
/// are built, never on a request's thread.
struct OpenAPIController<Context: RequestContext>: Sendable {
    func addRoutes(to router: Router<Context>) {
        let document = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
            .flatMap { try? Data(contentsOf: $0) }
        router.get("openapi.yaml") { _, _ in
            guard let document else {
                throw HTTPError(.internalServerError, message: "openapi.yaml is missing from the build")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
