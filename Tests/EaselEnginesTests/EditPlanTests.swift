import EaselEngines
import EaselImaging
import Testing

@Suite("Edit plans")
struct EditPlanTests {
    @Test("Plans are canonical: merged per kind, in application order")
    func canonical() {
        let plan = EditPlan([.temperature(1), .brightness(-1), .brightness(-2), .contrast(1)])
        #expect(plan.operations == [.brightness(-2), .contrast(1), .temperature(1)])
        #expect(plan == EditPlan([.contrast(1), .brightness(-2), .temperature(1)]))
    }

    @Test("Opposite directions add up and cancel")
    func opposite() {
        #expect(EditPlan([.brightness(1), .brightness(-0.5)]).operations == [.brightness(0.5)])
        #expect(EditPlan([.temperature(1), .temperature(-1)]).isEmpty)
    }

    @Test("Colour operations are dropped under looks without colour; strengths are capped")
    func rules() {
        #expect(EditPlan([.saturation(2), .monochrome, .monochrome]).operations == [.monochrome])
        #expect(EditPlan([.monochrome, .init(.sepia)]).operations == [.init(.sepia)])
        #expect(EditPlan([.contrast(9)]).operations == [.contrast(EditPlan.maxStrength)])
        #expect(EditPlan([.init(.grain, -1)]).isEmpty, "unsigned kinds have no negative")
    }

    @Test("Angles add and wrap, factors multiply, flags count once")
    func values() {
        #expect(EditPlan([.init(.rotate, 90), .init(.rotate, 90)]).description == "rotate 180")
        #expect(EditPlan([.init(.rotate, 270)]).description == "rotate -90")
        #expect(EditPlan([.init(.rotate, 180), .init(.rotate, 180)]).isEmpty)
        #expect(EditPlan([.init(.zoom, 2), .init(.zoom, 1.5)]).description == "zoom 3")
        #expect(EditPlan([.init(.zoom, 2), .init(.zoom, 0.5)]).isEmpty)
        #expect(EditPlan([.init(.pad), .init(.pad)]).description == "pad")
    }

    @Test("Canonical text")
    func text() {
        #expect(EditPlan([.monochrome, .contrast(1.5), .brightness(-0.25)]).description
            == "brightness -0.25; contrast +1.5; monochrome")
        #expect(EditPlan([.init(.colourTransfer, 0.5, reference: 2)]).description
            == "colour transfer +0.5 from image 3")
        #expect(EditPlan.empty.description == "no edits")
    }

    @Test("Lab affine maps compose in order")
    func affine() {
        let mono = LabAffine(LabLinearAdjustment(aScale: 0, bScale: 0))
        let warm = LabAffine(LabLinearAdjustment(bOffset: 8))
        let sepiaLike = mono.then(warm).apply((50, 20, 30))
        #expect(sepiaLike.a == 0 && sepiaLike.b == 8)
        let other = warm.then(mono).apply((50, 20, 30))
        #expect(other.b == 0)
        // Black goes to the dark colour and white to the light one whatever their own a*, b*;
        // mid-grey lands halfway along the line.
        let map = LabAffine.gradientMap(dark: (10, 5, 5), light: (90, -5, 25))
        #expect(near(map.apply((0, 40, 40)), (10, 5, 5)), "\(map.apply((0, 40, 40)))")
        #expect(near(map.apply((100, -30, 60)), (90, -5, 25)), "\(map.apply((100, -30, 60)))")
        #expect(near(map.apply((50, 0, 0)), (50, 0, 15)), "\(map.apply((50, 0, 0)))")
    }

    private func near(_ x: (l: Double, a: Double, b: Double), _ y: (l: Double, a: Double, b: Double)) -> Bool {
        abs(x.l - y.l) < 1e-9 && abs(x.a - y.a) < 1e-9 && abs(x.b - y.b) < 1e-9
    }
}
