extension AsyncSequence {
    /// Every element, in order: for query results small enough to hold (a few rows).
    func all() async throws -> [Element] {
        var elements: [Element] = []
        for try await element in self { elements.append(element) }
        return elements
    }
}
