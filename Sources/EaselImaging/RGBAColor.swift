/// An 8-bit sRGB colour with alpha (255 = opaque).
public struct RGBAColor: Sendable, Equatable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public static let black = RGBAColor(red: 0, green: 0, blue: 0)
    public static let white = RGBAColor(red: 255, green: 255, blue: 255)
    public static let transparent = RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)

    var rgb: [Double] { [Double(red), Double(green), Double(blue)] }
    var rgba: [Double] { rgb + [Double(alpha)] }
}
