import EaselCore
import EaselFetch

/// Loads input images: uploads to this server straight from the blob store, everything else
/// through the SSRF-safe fetcher (`http(s)://` and `data:` URLs).
struct FetchingInputLoader: InputLoading {
    let fetcher: URLFetcher
    let blobs: any BlobStore
    let index: any BlobIndex
    /// URLs under `<base>/v1/files/` are this server's own uploads.
    let base: PublicBaseURL

    func load(_ url: String, field: String) async throws(JobFailure) -> InputImage {
        do {
            let uploadPrefix = base.url + "/v1/files/"
            if url.hasPrefix(uploadPrefix) {
                return try await loadUpload(String(url.dropFirst(uploadPrefix.count)), field: field)
            }
            let resource = try await fetcher.fetch(url)
            return InputImage(data: resource.data, field: field)
        } catch let failure as JobFailure {
            throw failure
        } catch {
            throw .inputFetchFailed(field: field, "\(error)")
        }
    }

    private func loadUpload(_ name: String, field: String) async throws -> InputImage {
        switch try await index.state(of: name) {
        case .live:
            // The janitor may delete it between the index lookup and the read.
            if let data = try await blobs.read(name: name) { return InputImage(data: data, field: field) }
        case .expired:
            break
        case .unknown:
            throw JobFailure.inputFetchFailed(field: field, "no upload \(name) on this server")
        }
        throw JobFailure.inputFetchFailed(field: field, "the upload \(name) has expired")
    }
}
