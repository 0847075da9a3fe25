extension Double {
    /// Two decimals without Foundation's locale-dependent formatting.
    var formatted2: String {
        guard isFinite, abs(self) < 1e15 else { return "\(self)" }
        let hundredths = (self * 100).rounded()
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = Int(abs(hundredths))
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
