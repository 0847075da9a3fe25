import HTTPTypes

extension HTTPFields {
    /// Adds `name` to `Vary`, keeping what other layers put there.
    mutating func addVary(_ name: String) {
        guard let existing = self[.vary], !existing.isEmpty else {
            self[.vary] = name
            return
        }
        let listed = existing.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if !listed.contains(name.lowercased()) { self[.vary] = existing + ", " + name }
    }
}
