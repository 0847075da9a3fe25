/// A job whose lease a worker holds, with the edit it asks for. Reads for display leave the
/// edit out (it may hold megabytes of `data:` URLs that a poll has no use for); a claim
/// always has it, so a worker never meets a job without one.
///
/// The job's own fields read through: `claimed.id`, `claimed.attempts`.
@dynamicMemberLookup
public struct ClaimedJob: Sendable, Equatable {
    public var job: Job
    public var edit: EditSpec

    public init(job: Job, edit: EditSpec) {
        self.job = job
        self.edit = edit
    }

    public subscript<T>(dynamicMember field: KeyPath<Job, T>) -> T {
        job[keyPath: field]
    }
}
