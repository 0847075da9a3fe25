import Hummingbird
import Synchronization

/// Which methods each route path takes, for `405` answers (`Allow`) and CORS preflights.
/// Filled once the router has every route; the middlewares that read it are created before
/// the routes (Hummingbird applies a router middleware only to routes added after it).
final class RouteMethods: Sendable {
    private let table = Mutex<[(path: RouterPath, methods: [HTTPRequest.Method])]>([])

    func learn<Context>(_ router: Router<Context>) {
        var grouped: [(path: RouterPath, methods: [HTTPRequest.Method])] = []
        for route in router.routes {
            if let index = grouped.firstIndex(where: { $0.path == route.path }) {
                grouped[index].methods.append(route.method)
            } else {
                grouped.append((route.path, [route.method]))
            }
        }
        // HEAD is answered wherever GET is (the router generates it).
        for index in grouped.indices where grouped[index].methods.contains(.get) && !grouped[index].methods.contains(.head) {
            grouped[index].methods.append(.head)
        }
        table.withLock { $0 = grouped }
    }

    /// The methods of the route whose path matches `path`; empty when none does.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return table.withLock { table in
            table.first { Self.matches($0.path, segments) }?.methods ?? []
        }
    }

    /// `Allow`'s value: the methods in a stable order.
    static func allowValue(_ methods: [HTTPRequest.Method]) -> String {
        methods.map(\.rawValue).sorted().joined(separator: ", ")
    }

    private static func matches(_ route: RouterPath, _ segments: [Substring]) -> Bool {
        let elements = route.components
        for (index, element) in elements.enumerated() {
            if element.description == "**" { return true }
            guard index < segments.count, element ~= segments[index] else { return false }
        }
        return elements.count == segments.count
    }
}
