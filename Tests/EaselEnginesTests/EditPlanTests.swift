import EaselEngines
import EaselImaging
import Testing

@Suite("Edit plans")
struct EditPlanTests {
    @Test("Plans are canonical: merged per dimension, in application order")
    func canonical() {
        let plan = EditPlan([.warmth(1), .brightness(-1), .brightness(-2), .contrast(1)])
        #expect(plan.operations == [.brightness(-2), .contrast(1), .warmth(1)])
        #expect(plan == EditPlan([.contrast(1), .brightness(-2), .warmth(1)]))
    }

    @Test("Opposite directions add up and cancel")
    func opposite() {
        #expect(EditPlan([.brightness(1), .brightness(-0.5)]).operations == [.brightness(0.5)])
        #expect(EditPlan([.warmth(1), .warmth(-1)]).isEmpty)
    }

    @Test("Saturation is dropped under monochrome; strengths are capped")
    func rules() {
        #expect(EditPlan([.saturation(2), .monochrome, .monochrome]).operations == [.monochrome])
        #expect(EditPlan([.contrast(9)]).operations == [.contrast(EditPlan.maxStrength)])
    }

    @Test("Canonical text")
    func text() {
        #expect(EditPlan([.monochrome, .contrast(1.5), .brightness(-0.25)]).description
            == "brightness -0.25; contrast +1.5; monochrome")
        #expect(EditPlan.empty.description == "no edits")
    }

    @Test("The Lab map composes the plan in order")
    func lab() {
        #expect(EditPlan.empty.labAdjustment == .identity)
        let mono = EditPlan([.monochrome]).labAdjustment
        #expect(mono.aScale == 0 && mono.bScale == 0 && mono.lScale == 1)
        // Sepia: colour removed first, then a warm tint added back.
        let sepia = EditPlan([.warmth(1), .monochrome]).labAdjustment
        #expect(sepia.bScale == 0 && sepia.bOffset > 0)
        let brighter = EditPlan([.brightness(1)]).labAdjustment
        #expect(brighter.lScale * 100 + brighter.lOffset == 100, "white stays white")
        let darker = EditPlan([.brightness(-1)]).labAdjustment
        #expect(darker.lOffset == 0, "black stays black")
    }
}
