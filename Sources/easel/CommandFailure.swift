/// A command that was understood but could not be done ("no job with id …"): printed as an
/// error with exit status 1, without the usage text that a usage error (64) gets.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
