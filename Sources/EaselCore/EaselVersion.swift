/// This build's version, as `/metrics` reports it in `easel_build_info`.
public enum EaselVersion {
    public static let current = "0.1.0"
}
