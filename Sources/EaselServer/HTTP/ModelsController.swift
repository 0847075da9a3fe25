import EaselCore
import Hummingbird

/// `GET /api/v1/models` (extension): the models this server serves, so that a client such as
/// the playground offers exactly those rather than a list of its own.
struct ModelsController<Context: APIKeyRequestContext>: Sendable {
    struct ModelView: Encodable, Sendable {
        var id: String
        var engine: String
        var maxInputImages: Int
        var pricePerImage: String

        enum CodingKeys: String, CodingKey {
            case id, engine
            case maxInputImages = "max_input_images"
            case pricePerImage = "price_per_image"
        }
    }

    struct ListView: Encodable, Sendable {
        var models: [ModelView]
    }

    let registry: ModelRegistry
    func addRoutes(to group: RouterGroup<Context>) {
        group.get("models") { _, context in
            _ = try context.authenticatedKey()
            let models = registry.modelIDs.compactMap { id in
                registry.entry(for: id).map {
                    ModelView(
                        id: id, engine: $0.engine.descriptor.id, maxInputImages: $0.engine.descriptor.maxInputImages,
                        pricePerImage: $0.pricePerImage.description)
                }
            }
            return try JSONResponse.ok(ListView(models: models))
        }
    }
}
