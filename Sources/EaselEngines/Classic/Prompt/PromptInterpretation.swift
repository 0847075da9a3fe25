/// What the interpreter made of a prompt.
public struct PromptInterpretation: Sendable, Equatable {
    /// The edits to make.
    public var plan: EditPlan
    /// Parts of the prompt that ask for edits the classic engine cannot make (removing or
    /// adding objects, restyling …), as normalised phrases, in prompt order.
    public var notApplied: [String]

    public init(plan: EditPlan, notApplied: [String] = []) {
        self.plan = plan
        self.notApplied = notApplied
    }
}
