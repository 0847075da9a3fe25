import CVipsShim
import Foundation

/// A point colour grade sampled at the points of a 3-D lattice over 8-bit sRGB, so that an
/// image is graded by interpolating between them (`easel_lattice_map`) instead of taking
/// every pixel to L*a*b* and back. This is how colour-management engines apply a transform
/// to 8-bit pixels. The grade's own operations run on the lattice's points, which costs a
/// seventh of a 1024 × 1024 image's pixels.
///
/// Points hold linear light, unclipped: a grade that pushes colours out of gamut is smooth
/// there, and is clipped only after the interpolation, as the exact path clips on its way
/// back to sRGB. Interpolating the clipped or the sRGB-encoded values instead was up to 12
/// and 20 levels off near the gamut's edge. `ColourLatticeTests` measures the difference
/// from the exact grade.
struct ColourLattice {
    /// Points per axis: 255 / 51 = 5 levels apart, so that every point is an 8-bit value.
    static let nodes = 52
    /// About twice the lattice's points: below it, grading the lattice saves little or nothing
    /// over grading each pixel.
    static let worthwhilePixels = 512 * 512

    /// The grade of each point in linear light, scaled to 0…65535 and unclipped, red
    /// slowest, three values a point.
    let table: [Float]

    init(_ grade: LabGrade) throws(ImagingError) {
        let nodes = Self.nodes, step = 255 / (nodes - 1)
        var points = [UInt8](repeating: 0, count: nodes * nodes * nodes * 3)
        for index in 0..<(nodes * nodes * nodes) {
            points[3 * index] = UInt8(index / (nodes * nodes) * step)
            points[3 * index + 1] = UInt8(index / nodes % nodes * step)
            points[3 * index + 2] = UInt8(index % nodes * step)
        }
        let graded = try Raster(pixels: points, width: nodes, height: nodes * nodes, bands: 3)
            .labGraded(grade)
            .derive("to linear light") { easel_colourspace($0, $1, VIPS_INTERPRETATION_scRGB) }
        let bytes = try graded.pixelBytes()
        guard bytes.count == points.count * MemoryLayout<Float>.size else {
            throw .operationFailed("colour lattice: \(bytes.count) bytes for \(points.count) floats")
        }
        table = bytes.withUnsafeBytes { floats in floats.bindMemory(to: Float.self).map { $0 * 65535 } }
    }

    /// For each linear value 0…65535, its 8-bit sRGB value.
    static let output: [UInt8] = (0..<65_536).map { index in
        let linear = Double(index) / 65535
        let encoded = linear <= 0.003_130_8 ? 12.92 * linear : 1.055 * pow(linear, 1 / 2.4) - 0.055
        return UInt8((min(max(encoded, 0), 1) * 255).rounded())
    }
}

extension Raster {
    /// This 8-bit RGB or RGBA image through `lattice`, lazily; alpha passes through.
    func mapped(through lattice: ColourLattice) throws(ImagingError) -> Raster {
        try lattice.table.withUnsafeBufferPointer { table throws(ImagingError) in
            try ColourLattice.output.withUnsafeBufferPointer { output throws(ImagingError) in
                try derive("colour lattice") {
                    easel_lattice_map($0, $1, table.baseAddress, Int32(ColourLattice.nodes), output.baseAddress)
                }
            }
        }
    }
}
