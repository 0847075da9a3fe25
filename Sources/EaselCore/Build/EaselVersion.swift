/// The release this build is. `easel --version`, `/healthz` and the build-info metric show it.
public enum EaselVersion {
    public static let current = "0.9.0"
}
