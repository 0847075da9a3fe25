import HTTPTypes

/// `Prefer: wait=N` (RFC 7240) on create: the client would rather wait up to N seconds for the
/// finished job than poll for it. Capped at `limit`, so that a request cannot hold a
/// connection for long; other preferences in the header are ignored, as the RFC allows.
struct PreferWait: Equatable {
    static let limit = 60
    let seconds: Int

    init?(_ fields: HTTPFields) {
        let preferences = fields[values: .prefer].flatMap { $0.split(separator: ",") }
        for preference in preferences {
            let pair = preference.split(separator: ";").first?.split(separator: "=", maxSplits: 1)
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            guard pair.count == 2, pair[0].lowercased() == "wait",
                  let value = Int(pair[1].trimmingCharacters(in: .init(charactersIn: "\""))), value > 0 else { continue }
            seconds = min(value, Self.limit)
            return
        }
        return nil
    }
}
