import Foundation

/// Light as a photographer moves it: exposure multiplies linear light (so black stays
/// black and nothing fogs), with a soft shoulder that rolls highlights off instead of
/// clipping them; shadow and highlight moves are bumps pinned at black and white, so that
/// lifting the shadows never greys the darkest pixel and recovering highlights never greys
/// the brightest.
enum LightCurves {
    /// Stops of exposure per unit of strength: "brighter" is +½ EV, "much brighter" +1 EV.
    static let stopsPerStrength = 0.5
    /// Where the highlight shoulder starts, in linear light.
    static let shoulder = 0.8

    /// L* after `strength` units of exposure.
    static func exposure(_ l: Double, strength: Double) -> Double {
        let gain = pow(2, stopsPerStrength * min(max(strength, -4), 4))
        var y = linear(l) * gain
        if gain > 1 && y > shoulder {
            y = shoulder + (1 - shoulder) * (1 - exp(-(y - shoulder) / (1 - shoulder)))
        }
        return lightness(y)
    }

    /// L* after a shadow move: up lifts a bump that peaks at L* 20 and is zero at black;
    /// down deepens the dark tones in proportion, so black stays black and order is kept.
    static func shadows(_ l: Double, strength s: Double) -> Double {
        if s >= 0 { return l + 12 * min(s, 2.5) * bump(l / 20) }
        let a = min(0.25 * -s, 0.6)
        return l * (1 - a * exp(-l / 25))
    }

    /// L* after a highlight move, the mirror of `shadows` about white: down pulls the light
    /// tones toward grey and keeps white white; up brightens them toward white.
    static func highlights(_ l: Double, strength s: Double) -> Double {
        100 - shadows(100 - l, strength: -s)
    }

    /// x·e^(1−x): 0 at 0, its peak of 1 at 1, then a long tail.
    private static func bump(_ x: Double) -> Double { x * exp(1 - x) }

    /// CIE relative luminance (0…1) of an L*.
    static func linear(_ l: Double) -> Double {
        l > 8 ? pow((l + 16) / 116, 3) : l / 903.3
    }

    /// The L* of a relative luminance.
    static func lightness(_ y: Double) -> Double {
        y > 0.008856 ? 116 * cbrt(y) - 16 : 903.3 * y
    }
}
