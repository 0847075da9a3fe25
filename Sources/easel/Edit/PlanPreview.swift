import EaselEngines
import Foundation

/// `easel edit --plan --prompt "…"`: what the classic engine makes of a prompt, read without
/// a photo: the plan it would run (as a job's `actual_prompt` shows it) and the phrases it
/// would report in `not_applied`. Exits 1 when the plan is empty, as the job would fail.
struct PlanPreview {
    let prompt: String

    func run() throws {
        let interpretation = ClassicEngine().interpret(prompt)
        print("plan: \(interpretation.plan.isEmpty ? "(nothing the classic engine can do)" : interpretation.plan.description)")
        for phrase in interpretation.notApplied {
            print("not applied: \(phrase)")
        }
        if interpretation.plan.isEmpty { throw CommandFailure("unsupported_prompt: nothing in the prompt is an edit the classic engine makes") }
    }
}
