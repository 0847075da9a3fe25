/// Mean and standard deviation of L*, a* and b* over an image (alpha ignored): what
/// colour transfer and automatic white balance are computed from.
public struct LabMoments: Sendable, Equatable {
    public var mean: [Double]
    public var deviation: [Double]

    public init(mean: [Double], deviation: [Double]) {
        self.mean = mean
        self.deviation = deviation
    }
}
