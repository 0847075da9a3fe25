import Foundation

/// Encoded formats `Raster.decode` accepts, recognised by content, never by name.
///
/// An allow-list: libvips can read many more formats (SVG, PDF, FITS, …) whose decoders are
/// large attack surfaces that photo editing does not need.
public enum InputFormat: String, Sendable, CaseIterable {
    case jpeg
    case png
    case webp
    case gif
    case tiff
    case heif

    /// libvips' loader class for buffers, as `vips_foreign_find_load_buffer` names it.
    init?(loaderName: String) {
        switch loaderName {
        case "VipsForeignLoadJpegBuffer": self = .jpeg
        case "VipsForeignLoadPngBuffer": self = .png
        case "VipsForeignLoadWebpBuffer": self = .webp
        case "VipsForeignLoadNsgifBuffer", "VipsForeignLoadGifBuffer": self = .gif
        case "VipsForeignLoadTiffBuffer": self = .tiff
        case "VipsForeignLoadHeifBuffer": self = .heif
        default: return nil
        }
    }

    /// A readable format name from a loader class name, e.g. `SVG`.
    static func describe(loaderName: String) -> String {
        loaderName.replacingOccurrences(of: "VipsForeignLoad", with: "")
            .replacingOccurrences(of: "Buffer", with: "").uppercased()
    }

    /// Whether the decoder's warnings fail the decode. libjpeg reports missing scan data (a
    /// frame header claiming more pixels than the file holds) only as a warning and pads the
    /// rest with grey; other formats warn about harmless things (libpng about known sRGB
    /// profiles, say), so they fail on truncation alone.
    var strictDecoding: Bool { self == .jpeg }

    static var acceptedList: String {
        allCases.map { $0.rawValue.uppercased() }.joined(separator: ", ")
    }
}
