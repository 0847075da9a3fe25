import Synchronization

/// What the test server saw and did for one test, shared between its handlers and the test.
final class ServerRecord: Sendable {
    private struct State {
        var paths: [String] = []
        var authorities: [String] = []
        var streamedChunks = 0
        var released = false
        var redirects: [String: String] = [:]
    }

    let token: String
    private let state = Mutex(State())

    init(token: String) {
        self.token = token
    }

    var paths: [String] { state.withLock { $0.paths } }
    var authorities: [String] { state.withLock { $0.authorities } }
    var streamedChunks: Int { state.withLock { $0.streamedChunks } }
    var isReleased: Bool { state.withLock { $0.released } }

    func saw(path: String, authority: String?) {
        state.withLock {
            $0.paths.append(path)
            $0.authorities.append(authority ?? "")
        }
    }

    func sentChunk() {
        state.withLock { $0.streamedChunks += 1 }
    }

    func release() {
        state.withLock { $0.released = true }
    }

    func setRedirect(_ name: String, to location: String) {
        state.withLock { $0.redirects[name] = location }
    }

    func redirect(named name: String) -> String? {
        state.withLock { $0.redirects[name] }
    }

    /// Sleeps in short steps until released, for at most `limit`.
    func waitForRelease(upTo limit: Duration) async throws {
        let deadline = ContinuousClock.now + limit
        while !isReleased && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
