import EaselCore
import EaselEngines
import EaselFetch
import EaselImaging
import Foundation
import Logging

/// The long-lived parts of a server process, built from settings.
struct EaselComponents {
    let stores: EaselStores
    let registry: ModelRegistry
    let fetcher: URLFetcher
    let imagingLimits: ImagingLimits
    let metrics: EaselMetrics
    let wake = WakeSignal()

    /// - Parameter diffusion: the started diffusion engine, when one is configured; it then
    ///   serves the hosted API's model id.
    init(
        settings: ServerSettings, stores: EaselStores, logger: Logger, diffusion: DiffusionEngine? = nil,
        decodeBudget: DecodeBudget? = nil
    ) throws {
        self.stores = stores
        let limits = ImagingLimits(maxPixels: settings.maxInputPixels, maxDimension: settings.maxInputSide)
        imagingLimits = limits
        let classic = ClassicEngine(limits: limits, decodeBudget: decodeBudget ?? settings.makeDecodeBudget())
        registry = ModelRegistry([
            .init(modelID: ModelRegistry.seedModelID, engine: diffusion ?? classic, pricePerImage: settings.pricePerImage),
            .init(modelID: ModelRegistry.classicModelID, engine: classic, pricePerImage: settings.pricePerImage),
        ])
        metrics = EaselMetrics(engines: registry.engines.map(\.id))
        let policy: AddressPolicy
        do {
            policy = try AddressPolicy(allowing: settings.fetchAllow)
        } catch {
            throw SettingsError(setting: .fetchAllow, rule: "must be CIDR ranges such as 127.0.0.0/8 (\(error))",
                                got: settings.fetchAllow.joined(separator: ","))
        }
        fetcher = URLFetcher(
            policy: policy,
            limits: FetchLimits(maxBodyBytes: settings.fetchMaxBytes, totalTimeout: settings.fetchTimeout))
    }
}
