/// What an encoded image's header says, read without decoding any pixel.
public struct ImageHeader: Sendable, Equatable {
    public var format: InputFormat
    /// Size as displayed, i.e. after the EXIF orientation is applied (as `decode` does).
    public var width: Int
    public var height: Int
    /// Size as stored in the file, which is what `ImagingLimits` is checked against.
    public var storedWidth: Int
    public var storedHeight: Int
    /// EXIF orientation 1…8 (1 when absent).
    public var orientation: Int

    public init(format: InputFormat, storedWidth: Int, storedHeight: Int, orientation: Int) {
        self.format = format
        self.storedWidth = storedWidth
        self.storedHeight = storedHeight
        self.orientation = (1...8).contains(orientation) ? orientation : 1
        // Orientations 5…8 are transposed: the displayed image is rotated a quarter turn.
        let transposed = self.orientation >= 5
        self.width = transposed ? storedHeight : storedWidth
        self.height = transposed ? storedWidth : storedHeight
    }
}
