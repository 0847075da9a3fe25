import ServiceLifecycle

/// Closes the stores' connections when the process shuts down, after every service that
/// uses them has stopped.
struct StoresLifecycle: Service, CustomStringConvertible {
    let stores: EaselStores
    var description: String { "StoresLifecycle" }

    func run() async throws {
        try? await gracefulShutdown()
        await stores.close()
    }
}
