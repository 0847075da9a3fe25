import NIOCore

/// A last check on each new connection: the socket must be connected to the address that policy
/// approved. `dnsOverride` already makes AsyncHTTPClient dial that address; this catches any path
/// where the override would not apply, before a request is written.
struct PinnedPeer: Sendable {
    let expected: IPAddress

    func verify(_ channel: any Channel) -> EventLoopFuture<Void> {
        guard let remote = channel.remoteAddress, let actual = IPAddress(remote), actual == expected else {
            let actual = channel.remoteAddress.map { "\($0)" } ?? "an unknown address"
            return channel.eventLoop.makeFailedFuture(FetchError.peerMismatch(expected: expected, actual: actual))
        }
        return channel.eventLoop.makeSucceededVoidFuture()
    }
}
