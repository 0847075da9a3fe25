/// How `easel edit` reads a PHOTO argument: a URL the server fetches itself, or a local file.
enum EditInput {
    static func isURL(_ photo: String) -> Bool {
        let lowered = photo.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("data:")
    }
}
