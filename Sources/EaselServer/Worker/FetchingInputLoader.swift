import EaselCore
import EaselFetch

/// Loads input images through the SSRF-safe fetcher (`http(s)://` and `data:` URLs).
struct FetchingInputLoader: InputLoading {
    let fetcher: URLFetcher

    func load(_ url: String, field: String) async throws(JobFailure) -> InputImage {
        do {
            let resource = try await fetcher.fetch(url)
            return InputImage(data: resource.data, field: field)
        } catch {
            throw JobFailure(code: "input_fetch_failed", message: "\(field): \(error)")
        }
    }
}
