/// How `Raster.resized` fits an image into an exact width × height.
public enum ResizeMode: Sendable, Equatable {
    /// Scale until the image covers the whole frame, then crop the overflow equally from
    /// both sides (centre crop). Nothing is padded; some edges may be lost.
    case cover
    /// Scale until the whole image fits inside the frame, then pad the rest, centred, with
    /// `background`. Nothing is lost. A translucent background adds an alpha band.
    case contain(background: RGBAColor)
}
